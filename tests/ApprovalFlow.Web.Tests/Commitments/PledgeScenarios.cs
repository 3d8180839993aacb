using ApprovalFlow.Web.Identity;
using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Pledges;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Commitments;

/// <summary>Pledges (承诺书): signing and its seal, who may do what, verification and breaches.</summary>
public abstract class PledgeScenarios(WebAppFactory factory)
{
    [Fact]
    public async Task A_signed_pledge_keeps_a_stable_hash_and_reads_invalid_after_its_row_is_tampered_with()
    {
        var world = await CommitmentWorld.CreateAsync(factory);
        var id = await world.SignAsync(scheme: "pledge-system", stepCode: null);

        var first = await (await world.Enterprise.GetAsync($"/api/pledges/{id}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        first.Text("hash").Length.ShouldBe(64);
        first["hashValid"]!.GetValue<bool>().ShouldBeTrue();
        first["published"]!.GetValue<bool>().ShouldBeTrue("a pledge-system pledge is published on the government website");
        first.Text("status").ShouldBe("signed");
        var again = await (await world.Admin.GetAsync($"/api/pledges/{id}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        again.Text("hash").ShouldBe(first.Text("hash"));
        again["hashValid"]!.GetValue<bool>().ShouldBeTrue();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<Pledge>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Text, "本企业不作任何承诺。"));
        }

        var tampered = await (await world.Admin.GetAsync($"/api/pledges/{id}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        tampered["hashValid"]!.GetValue<bool>().ShouldBeFalse();
        tampered.Text("hash").ShouldBe(first.Text("hash"));
    }

    [Fact]
    public async Task A_tolerated_gap_pledge_is_not_published_and_lists_for_its_own_enterprise_only()
    {
        var world = await CommitmentWorld.CreateAsync(factory);
        var other = await CommitmentWorld.CreateAsync(factory);
        var id = await world.SignAsync();

        var listed = await world.Enterprise.GetJsonArrayAsync($"/api/pledges?projectId={world.ProjectId}");
        listed.Select(p => p!["id"]!.GetValue<Guid>()).ShouldBe([id]);
        listed[0]!["published"]!.GetValue<bool>().ShouldBeFalse();
        (await other.Enterprise.GetJsonArrayAsync($"/api/pledges?projectId={world.ProjectId}")).ShouldBeEmpty();
        await (await other.Enterprise.GetAsync($"/api/pledges/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_enterprise_signs_for_its_own_project_and_never_verifies_its_own_pledge()
    {
        var world = await CommitmentWorld.CreateAsync(factory);
        var other = await CommitmentWorld.CreateAsync(factory);
        var officer = await factory.ClientForAsync(Accounts.Officer);
        var pledge = await world.SignAsync();
        async Task<int> Pledges() => await world.InDbAsync(db => db.Set<Pledge>().CountAsync(p => p.ProjectId == world.ProjectId));
        async Task<int> Verifications() => await world.InDbAsync(db => db.Set<PledgeVerification>().CountAsync(v => v.PledgeId == pledge));

        var body = new { projectId = world.ProjectId, scheme = "tolerated-gap", stepCode = "land", text = "承诺" };
        await (await officer.PostAsJsonAsync("/api/pledges", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await world.Admin.PostAsJsonAsync("/api/pledges", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var foreign = await (await other.Enterprise.PostAsJsonAsync("/api/pledges", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        foreign.Text("detail").ShouldContain("本单位的项目");
        (await Pledges()).ShouldBe(1);

        var verify = new { method = "written", result = "kept", note = "自查" };
        await (await world.Enterprise.PostAsJsonAsync($"/api/pledges/{pledge}/verifications", verify)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await world.Enterprise.PostAsJsonAsync($"/api/pledges/{pledge}/breach", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await Verifications()).ShouldBe(0);

        var bad = await (await world.Enterprise.PostAsJsonAsync("/api/pledges", new { projectId = world.ProjectId, scheme = "promise", text = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        bad["errors"]!["scheme"].ShouldNotBeNull();
        bad["errors"]!["text"].ShouldNotBeNull();
        (await Pledges()).ShouldBe(1);

        var kept = await (await officer.PostAsJsonAsync($"/api/pledges/{pledge}/verifications", verify)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        kept.Text("status").ShouldBe("kept");
        (await Verifications()).ShouldBe(1);
    }

    [Fact]
    public async Task A_verification_finding_a_gap_pledge_broken_revokes_its_step_and_writes_a_credit_record()
    {
        var world = await CommitmentWorld.CreateAsync(factory);
        var steps = await world.CaseWithStepsAsync(("safety", true, 10));
        var pledge = await world.SignAsync(stepCode: "safety");
        var gap = (await world.OpenGapAsync(steps["safety"], pledge, world.WorkingDaysFromNow(4), "safety-commitment")).Value!;
        // Only the department that relies on the pledge verifies it (docs/security.md): safety is emergency-management's.
        var landOfficer = await factory.ClientForAsync(Accounts.Officer);
        await (await landOfficer.PostAsJsonAsync($"/api/pledges/{pledge}/verifications", new { method = "site", result = "broken", note = "越权" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var officer = await factory.ClientForAsync(DemoAccount.OfficerOf("emergency-management"));

        var response = await officer.PostAsJsonAsync($"/api/pledges/{pledge}/verifications",
            new { method = "site", result = "broken", note = "现场核查发现承诺内容不实" });
        var broken = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);

        broken.Text("status").ShouldBe("revoked");
        broken["brokenAt"].ShouldNotBeNull();
        broken["verifications"]!.AsArray().Single()!.Text("result").ShouldBe("broken");
        var step = await world.StepAsync(steps["safety"]);
        step.Status.ShouldBe(StepStatus.Revoked);
        step.Changes.Last().Note!.ShouldContain("现场核查发现承诺内容不实");
        var gapNow = await (await world.Enterprise.GetAsync($"/api/gaps/{gap.Id}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        gapNow.Text("status").ShouldBe("revoked");
        var credit = await world.CreditAsync();
        credit.Single()!["pledgeId"]!.GetValue<Guid>().ShouldBe(pledge);

        await (await world.Enterprise.PostAsJsonAsync("/api/pledges",
                new { projectId = world.ProjectId, scheme = "tolerated-gap", stepCode = "land", text = "再次承诺" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_broken_pledge_system_pledge_revokes_the_steps_it_replaced()
    {
        var world = await CommitmentWorld.CreateAsync(factory);
        var steps = await world.CaseWithStepsAsync(("planning", false, 20), ("eia", false, 15), ("permit", false, 7));
        await world.InDbAsync(async db =>
        {
            foreach (var code in new[] { "planning", "eia" })
            {
                var step = await db.Set<ApprovalStep>().Include(s => s.Changes).SingleAsync(s => s.Id == steps[code]);
                step.MoveTo(StepStatus.ReplacedByPledge, DateTime.UtcNow, "officer@approvalflow.local", "replaced by the enterprise's pledge");
            }
            return await db.SaveChangesAsync();
        });
        var pledge = await world.SignAsync(scheme: "pledge-system", stepCode: null);

        var response = await world.Admin.PostAsJsonAsync($"/api/pledges/{pledge}/breach", new { reason = "未按承诺标准开展设计审查" });
        (await response.ShouldHaveStatusAsync(HttpStatusCode.OK)).Text("status").ShouldBe("revoked");

        (await world.StepAsync(steps["planning"])).Status.ShouldBe(StepStatus.Revoked);
        (await world.StepAsync(steps["eia"])).Status.ShouldBe(StepStatus.Revoked);
        (await world.StepAsync(steps["permit"])).Status.ShouldBe(StepStatus.AwaitingAcceptance, "the pledge did not replace it");
        (await world.CreditAsync()).Single()!.Text("reason").ShouldBe("未按承诺标准开展设计审查");
        await (await world.Admin.PostAsJsonAsync($"/api/pledges/{pledge}/breach", new { reason = "again" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}

public sealed class PledgesOnSqlite(WebAppFactory factory) : PledgeScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class PledgesOnPostgres(PostgresWebAppFactory factory) : PledgeScenarios(factory), IClassFixture<PostgresWebAppFactory>;
