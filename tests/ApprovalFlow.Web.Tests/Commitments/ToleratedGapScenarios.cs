using System.Net;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Gaps;
using System.Net.Http.Json;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Commitments;

/// <summary>Tolerated gaps (容缺受理): opening, the refusal rules, supplying, and the supplement-deadline sweep.</summary>
public abstract class ToleratedGapScenarios(WebAppFactory factory)
{
    [Fact]
    public async Task A_gap_supplied_in_time_issues_the_steps_result_and_keeps_the_pledge()
    {
        var world = await CommitmentWorld.CreateAsync(factory);
        var steps = await world.CaseWithStepsAsync(("land", true, 20));
        var pledge = await world.SignAsync();

        var outcome = await world.OpenGapAsync(steps["land"], pledge, world.WorkingDaysFromNow(5), "business-licence", "power-of-attorney");

        outcome.Refusal.ShouldBeNull();
        var gap = outcome.Value!;
        gap.Status.ShouldBe("open");
        gap.Materials.Select(m => m.Code).ShouldBe(["business-licence", "power-of-attorney"]);
        (await world.StepAsync(steps["land"])).ResultIssued.ShouldBeFalse();

        var half = await world.SupplyAsync(gap.Id, "business-licence");
        half.Text("status").ShouldBe("open");
        (await world.StepAsync(steps["land"])).ResultIssued.ShouldBeFalse("one material is still missing");

        var done = await world.SupplyAsync(gap.Id, "power-of-attorney");
        done.Text("status").ShouldBe("supplied");
        (await world.StepAsync(steps["land"])).ResultIssued.ShouldBeTrue();
        var signed = await (await world.Enterprise.GetAsync($"/api/pledges/{pledge}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        signed.Text("status").ShouldBe("kept");
    }

    [Fact]
    public async Task Each_rule_of_opening_a_gap_refuses_by_name_and_writes_nothing()
    {
        var world = await CommitmentWorld.CreateAsync(factory);
        var steps = await world.CaseWithStepsAsync(("land", true, 20), ("permit", false, 7), ("eia", true, 15));
        var landPledge = await world.SignAsync(stepCode: "land");
        var eiaPledge = await world.SignAsync(stepCode: "eia");
        var systemPledge = await world.SignAsync(scheme: "pledge-system", stepCode: "land");
        var other = await CommitmentWorld.CreateAsync(factory);
        var strangersPledge = await other.SignAsync(stepCode: "land");
        var land = steps["land"];
        var fine = world.WorkingDaysFromNow(5);

        async Task Refused(string rule, Task<Outcome<ToleratedGapResponse>> attempt, string detailPart)
        {
            var outcome = await attempt;
            outcome.Refusal.ShouldNotBeNull($"rule {rule} should refuse");
            outcome.Refusal.Rule.ShouldBe(rule);
            outcome.Refusal.Detail.ShouldContain(detailPart);
            outcome.Value.ShouldBeNull();
        }

        await Refused("gap-not-allowed", world.OpenGapAsync(steps["permit"], landPledge, world.WorkingDaysFromNow(3), "business-licence"),
            "不适用容缺受理");
        await Refused("no-material", world.OpenGapAsync(land, landPledge, fine), "至少列明一项所缺材料");
        await Refused("unknown-material", world.OpenGapAsync(land, landPledge, fine, "business-licence", "moon-rock"), "“moon-rock”不是");
        await Refused("main-material", world.OpenGapAsync(land, landPledge, fine, "land-approval"), "是主要材料");
        await Refused("deadline-past", world.OpenGapAsync(land, landPledge, DateTime.UtcNow.AddHours(-1), "business-licence"), "早于当前时间");
        await Refused("deadline-beyond-time-limit", world.OpenGapAsync(land, landPledge, world.WorkingDaysFromNow(21), "business-licence"),
            "20 个工作日");
        await Refused("pledge-invalid", world.OpenGapAsync(land, eiaPledge, fine, "business-licence"), "同一项目、同一环节");
        await Refused("pledge-invalid", world.OpenGapAsync(land, systemPledge, fine, "business-licence"), "申请容缺受理承诺书");
        await Refused("pledge-invalid", world.OpenGapAsync(land, strangersPledge, fine, "business-licence"), "本案件企业");
        await Refused("pledge-invalid", world.OpenGapAsync(land, Guid.NewGuid(), fine, "business-licence"), "签署且未撤回");

        (await world.InDbAsync(db => db.Set<ToleratedGap>().CountAsync(g => g.ProjectId == world.ProjectId))).ShouldBe(0);
        var step = await world.StepAsync(land);
        step.Status.ShouldBe(StepStatus.AwaitingAcceptance);

        // The last day of the step's own limit is still allowed.
        (await world.OpenGapAsync(land, landPledge, world.WorkingDaysFromNow(20), "business-licence")).Refusal.ShouldBeNull();
        await Refused("gap-already-open", world.OpenGapAsync(land, landPledge, fine, "business-licence"), "已有未结的容缺事项");
    }

    [Fact]
    public async Task An_unsupplied_gap_is_suspended_then_returned_and_its_credit_record_blocks_gaps_until_repaired()
    {
        var world = await CommitmentWorld.CreateAsync(factory);
        var steps = await world.CaseWithStepsAsync(("land", true, 20), ("planning", true, 20));
        var landPledge = await world.SignAsync(stepCode: "land");
        var planningPledge = await world.SignAsync(stepCode: "planning");
        var deadline = world.WorkingDaysFromNow(3);
        var gap = (await world.OpenGapAsync(steps["land"], landPledge, deadline, "business-licence")).Value!;
        var sweep = factory.Services.GetRequiredService<GapSweep>();

        // Other tests' gaps share the database, so each sweep is judged by this gap alone.
        async Task<string> GapStatus() =>
            (await (await world.Enterprise.GetAsync($"/api/gaps/{gap.Id}")).ShouldHaveStatusAsync(HttpStatusCode.OK)).Text("status");

        await sweep.RunAsync(deadline);
        (await GapStatus()).ShouldBe("open", "on the deadline itself nothing is late yet");

        var dayAfter = world.WorkingDaysAfter(deadline, 1);
        await sweep.RunAsync(dayAfter);
        await sweep.RunAsync(dayAfter);
        (await GapStatus()).ShouldBe("overdue");
        var suspended = await world.StepAsync(steps["land"]);
        suspended.Status.ShouldBe(StepStatus.Suspended);
        suspended.Changes.Count(c => c.To == StepStatus.Suspended).ShouldBe(1, "the sweep is idempotent");
        suspended.Changes.Last().Note.ShouldBe("supplement deadline passed; enterprise told");
        suspended.ResultIssued.ShouldBeFalse();

        await sweep.RunAsync(world.WorkingDaysAfter(deadline, 15));
        (await GapStatus()).ShouldBe("overdue", "the grace period is 15 working days after the deadline");
        (await world.CreditAsync()).ShouldBeEmpty();

        var afterGrace = world.WorkingDaysAfter(deadline, 16);
        await sweep.RunAsync(afterGrace);
        await sweep.RunAsync(afterGrace);
        (await GapStatus()).ShouldBe("returned");
        (await world.StepAsync(steps["land"])).Status.ShouldBe(StepStatus.Revoked);
        var credit = await world.CreditAsync();
        credit.Count.ShouldBe(1);
        credit[0]!["gapId"]!.GetValue<Guid>().ShouldBe(gap.Id);
        credit[0]!["repaired"]!.GetValue<bool>().ShouldBeFalse();

        var blocked = await world.OpenGapAsync(steps["planning"], planningPledge, world.WorkingDaysFromNow(3), "business-licence");
        blocked.Refusal!.Rule.ShouldBe("credit-blocked");
        blocked.Refusal.Detail.ShouldContain("未修复的失信记录");

        var repair = await world.Admin.PostAsJsonAsync($"/api/credit/{credit[0]!["id"]!.GetValue<Guid>()}/repair",
            new { note = "企业已补齐材料并完成信用修复承诺" });
        (await repair.ShouldHaveStatusAsync(HttpStatusCode.OK))["repaired"]!.GetValue<bool>().ShouldBeTrue();

        var allowed = await world.OpenGapAsync(steps["planning"], planningPledge, world.WorkingDaysFromNow(3), "business-licence");
        allowed.Refusal.ShouldBeNull();
    }

    [Fact]
    public async Task A_late_supply_during_the_grace_period_resumes_the_suspended_step()
    {
        var world = await CommitmentWorld.CreateAsync(factory);
        var steps = await world.CaseWithStepsAsync(("eia", true, 15));
        var pledge = await world.SignAsync(stepCode: "eia");
        var deadline = world.WorkingDaysFromNow(2);
        var gap = (await world.OpenGapAsync(steps["eia"], pledge, deadline, "business-licence")).Value!;
        await factory.Services.GetRequiredService<GapSweep>().RunAsync(world.WorkingDaysAfter(deadline, 1));
        (await world.StepAsync(steps["eia"])).Status.ShouldBe(StepStatus.Suspended);

        (await world.SupplyAsync(gap.Id, "business-licence")).Text("status").ShouldBe("supplied");

        var step = await world.StepAsync(steps["eia"]);
        step.Status.ShouldBe(StepStatus.AwaitingAcceptance, "it goes back to where it stood before the suspension");
        step.ResultIssued.ShouldBeTrue();
        // Other tests' gaps share the database, so the sweep is judged by this gap alone.
        await factory.Services.GetRequiredService<GapSweep>().RunAsync(world.WorkingDaysAfter(deadline, 30));
        (await (await world.Enterprise.GetAsync($"/api/gaps/{gap.Id}")).ShouldHaveStatusAsync(HttpStatusCode.OK)).Text("status").ShouldBe("supplied");
        (await world.StepAsync(steps["eia"])).Status.ShouldBe(StepStatus.AwaitingAcceptance);
        (await world.CreditAsync()).ShouldBeEmpty();
    }
}

public sealed class ToleratedGapsOnSqlite(WebAppFactory factory) : ToleratedGapScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class ToleratedGapsOnPostgres(PostgresWebAppFactory factory) : ToleratedGapScenarios(factory), IClassFixture<PostgresWebAppFactory>;
