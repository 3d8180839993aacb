using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Web.Tests.Approvals.ApprovalWorld;

namespace ApprovalFlow.Web.Tests.Approvals;

/// <summary>Approval cases over HTTP, from the application to the confirmed start conditions; run once per database.</summary>
public abstract class ApprovalScenarios(WebAppFactory factory, bool renamed = false)
{
    /// <summary>A world on the app; for the renamed variants, on the shipped models published again with every id renamed.</summary>
    private async Task<ApprovalWorld> NewWorldAsync(string enterpriseName = "衡水某制造有限公司")
    {
        var world = await ApprovalWorld.CreateAsync(factory, enterpriseName);
        if (renamed) await ShippedModels.EnsureRenamedAsync(factory, world.Admin);
        return world;
    }

    [Fact]
    public async Task Five_steps_run_in_parallel_a_returned_step_is_resubmitted_and_the_case_completes()
    {
        var world = await NewWorldAsync();
        var started = await world.StartAsync();
        started.Text("status").ShouldBe("running");
        started.Text("mode").ShouldBe("normal");
        started["steps"]!.AsArray().Select(s => s.Text("stepCode")).ShouldBe(Steps, ignoreOrder: true);
        started["steps"]!.AsArray().ShouldAllBe(s => s.Text("status") == "awaitingAcceptance");
        StatusOf(started, "eia").ShouldBe("awaitingAcceptance");
        Step(started, "safety")["timeLimitDays"]!.GetValue<int>().ShouldBe(10);
        Step(started, "planning").Text("department").ShouldBe("natural-resources");
        var caseId = started.Id();

        var approvalCase = await world.RegisterAsync(started);
        approvalCase["openTasks"]!.AsArray().Select(t => ShippedModels.ShippedIdOf(t))
            .ShouldBe(Steps.Select(s => s + "Accept"), ignoreOrder: true);

        var planning = await world.OfficerOfStepAsync("planning");
        approvalCase = await ActAsync(planning, approvalCase, "planningAccept", "accept");
        StatusOf(approvalCase, "planning").ShouldBe("underReview");
        Step(approvalCase, "planning")["dueAt"].ShouldNotBeNull();
        approvalCase = await ActAsync(planning, approvalCase, "planningReview", "review");
        StatusOf(approvalCase, "planning").ShouldBe("awaitingDecision");
        // The decision offers what its model declares as the case allows: planning may be replaced by a pledge, but not
        // outside the pledge system.
        approvalCase["openTasks"]!.AsArray().Single(t => ShippedModels.ShippedIdOf(t) == "planningDecide")!["outcomes"]!.AsArray()
            .Select(o => o!.GetValue<string>()).ShouldBe(["approve", "reject", "return"]);
        approvalCase = await ActAsync(planning, approvalCase, "planningDecide", "decide",
            new { outcome = "return", opinion = "总平面图缺少消防通道标注" });
        StatusOf(approvalCase, "planning").ShouldBe("returnedForCorrection");

        var enterpriseTasks = await world.Enterprise.GetJsonArrayAsync("/api/my/tasks");
        enterpriseTasks.Single()!.Text("stepCode").ShouldBe("planning");
        enterpriseTasks.Single()!.Text("action").ShouldBe("resubmit");
        var asEnterprise = await GetCaseAsync(world.Enterprise, caseId);
        asEnterprise["openTasks"]!.AsArray().Single(t => ShippedModels.ShippedIdOf(t) == "planningResubmit")!["actions"]!.AsArray()
            .Select(a => a!.GetValue<string>()).ShouldBe(["resubmit"]);

        // The others go on and finish while planning is being corrected.
        foreach (var step in new[] { "land", "eia", "safety" })
        {
            approvalCase = await world.RunStepAsync(approvalCase, step);
            StatusOf(approvalCase, step).ShouldBe("approved");
        }
        // The permit may be reviewed and decided in parallel, but takes effect only once land and planning are approved
        // (建筑法 第八条): it waits for planning.
        approvalCase = await world.RunStepAsync(approvalCase, "permit");
        StatusOf(approvalCase, "permit").ShouldBe("virtuallyApproved");
        Step(approvalCase, "permit")["awaits"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["planning"]);
        StatusOf(approvalCase, "planning").ShouldBe("returnedForCorrection");
        approvalCase.Text("status").ShouldBe("running");

        approvalCase = await ActAsync(world.Enterprise, approvalCase, "planningResubmit", "resubmit", new { note = "已补正总平面图" });
        StatusOf(approvalCase, "planning").ShouldBe("awaitingAcceptance");
        approvalCase = await world.RunStepAsync(approvalCase, "planning");
        StatusOf(approvalCase, "planning").ShouldBe("approved");
        StatusOf(approvalCase, "permit").ShouldBe("approved");
        Step(approvalCase, "permit")["awaits"]!.AsArray().ShouldBeEmpty();
        approvalCase["openTasks"]!.AsArray().Select(t => ShippedModels.ShippedIdOf(t)).ShouldBe(["confirmStart"]);

        var developmentReform = await world.OfficerAsync("development-reform");
        var confirmed = await (await developmentReform.PostAsJsonAsync($"/api/cases/{caseId}/confirm-start", new { met = true }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        confirmed.Text("status").ShouldBe("completed");
        confirmed["endedAt"].ShouldNotBeNull();
        confirmed["openTasks"]!.AsArray().ShouldBeEmpty();

        var history = Step(confirmed, "planning")["history"]!.AsArray().Select(h => h.Text("to")).ToList();
        history.ShouldBe(["underReview", "awaitingDecision", "returnedForCorrection", "awaitingAcceptance", "underReview", "awaitingDecision", "approved"]);
        Step(confirmed, "planning")["history"]!.AsArray()[2]!.Text("note").ShouldBe("总平面图缺少消防通道标注");

        var listed = await world.Enterprise.GetJsonArrayAsync($"/api/cases?projectId={world.ProjectId}&status=completed");
        listed.Select(c => c.Id()).ShouldBe([caseId]);

        // Confirmed start conditions move the project to 在建, in its history.
        var project = await (await world.Enterprise.GetAsync($"/api/projects/{world.ProjectId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        project.Text("list").ShouldBe("under-construction");
    }

    [Fact]
    public async Task In_virtual_mode_approved_steps_wait_for_land_and_become_approved_when_land_is_approved()
    {
        var world = await NewWorldAsync();
        var approvalCase = await world.RegisterAsync(await world.StartAsync("virtual"));
        approvalCase.Text("mode").ShouldBe("virtual");

        approvalCase = await world.RunStepAsync(approvalCase, "planning");
        approvalCase = await world.RunStepAsync(approvalCase, "eia");
        StatusOf(approvalCase, "planning").ShouldBe("virtuallyApproved");
        StatusOf(approvalCase, "eia").ShouldBe("virtuallyApproved");
        Step(approvalCase, "planning")["effectiveAt"].ShouldBeNull();
        StatusOf(approvalCase, "safety").ShouldBe("awaitingAcceptance");

        approvalCase = await world.RunStepAsync(approvalCase, "land");
        StatusOf(approvalCase, "land").ShouldBe("approved");
        StatusOf(approvalCase, "planning").ShouldBe("approved");
        StatusOf(approvalCase, "eia").ShouldBe("approved");
        Step(approvalCase, "planning")["effectiveAt"].ShouldNotBeNull();
        Step(approvalCase, "planning")["history"]!.AsArray().Select(h => h.Text("to")).TakeLast(2).ShouldBe(["virtuallyApproved", "approved"]);

        // A step approved after land takes effect at once.
        approvalCase = await world.RunStepAsync(approvalCase, "safety");
        StatusOf(approvalCase, "safety").ShouldBe("approved");
    }

    [Fact]
    public async Task A_land_approval_in_one_case_leaves_the_virtual_approvals_of_another_case_waiting()
    {
        var first = await NewWorldAsync("甲地块公司");
        var second = await NewWorldAsync("乙地块公司");
        var waiting = await second.RegisterAsync(await second.StartAsync("virtual"));
        waiting = await second.RunStepAsync(waiting, "planning");
        StatusOf(waiting, "planning").ShouldBe("virtuallyApproved");

        var other = await first.RegisterAsync(await first.StartAsync("virtual"));
        other = await first.RunStepAsync(other, "planning");
        other = await first.RunStepAsync(other, "land");
        StatusOf(other, "planning").ShouldBe("approved");

        // The land signal of the first case is scoped to it (af:scope="instance"): the second case still waits for its own land.
        waiting = await GetCaseAsync(second.Admin, waiting.Id());
        StatusOf(waiting, "planning").ShouldBe("virtuallyApproved");
        Step(waiting, "planning")["awaits"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["land"]);
    }

    [Fact]
    public async Task A_rejected_step_ends_rejected_with_its_reasons_and_a_rejection_without_reasons_is_refused()
    {
        var world = await NewWorldAsync();
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        var eia = await world.OfficerOfStepAsync("eia");
        approvalCase = await ActAsync(eia, approvalCase, "eiaAccept", "accept");
        approvalCase = await ActAsync(eia, approvalCase, "eiaReview", "review");

        var noReason = await eia.PostAsJsonAsync($"/api/tasks/{TaskId(approvalCase, "eiaDecide")}/decide", new { outcome = "reject" });
        var problem = await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["opinion"].ShouldNotBeNull();
        var badOutcome = await eia.PostAsJsonAsync($"/api/tasks/{TaskId(approvalCase, "eiaDecide")}/decide", new { outcome = "maybe" });
        (await badOutcome.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["outcome"].ShouldNotBeNull();
        var pledge = await eia.PostAsJsonAsync($"/api/tasks/{TaskId(approvalCase, "eiaDecide")}/decide", new { outcome = "pledge" });
        (await pledge.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail").ShouldContain("承诺制");

        approvalCase = await ActAsync(eia, approvalCase, "eiaDecide", "decide", new { outcome = "reject", opinion = "项目选址位于水源保护区" });
        StatusOf(approvalCase, "eia").ShouldBe("rejected");
        Step(approvalCase, "eia")["decidedAt"].ShouldNotBeNull();
        Step(approvalCase, "eia")["history"]!.AsArray().Last()!.Text("note").ShouldBe("项目选址位于水源保护区");
        approvalCase["openTasks"]!.AsArray().ShouldNotContain(t => ShippedModels.ShippedIdOf(t).StartsWith("eia"));
    }

    [Fact]
    public async Task A_paused_clock_moves_the_due_date_by_the_working_days_it_stood_still()
    {
        // Monday 2 March 2026, 10:00 China time: no holiday in the weeks that follow.
        var clock = new SettableClock(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)));
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var world = await ApprovalWorld.CreateAsync(app);
        if (renamed) await ShippedModels.EnsureRenamedAsync(app, world.Admin);
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        var safety = await world.OfficerOfStepAsync("safety");
        approvalCase = await ActAsync(safety, approvalCase, "safetyAccept", "accept");
        var stepId = Step(approvalCase, "safety").Id();
        ChinaDate(Step(approvalCase, "safety")).ShouldBe(new DateOnly(2026, 3, 16), "10 working days after Monday 2 March");

        var noReason = await safety.PostAsJsonAsync($"/api/steps/{stepId}/pause", new { reason = " " });
        (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["reason"].ShouldNotBeNull();
        var paused = await (await safety.PostAsJsonAsync($"/api/steps/{stepId}/pause", new { reason = "组织专家评审" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        paused["paused"]!.GetValue<bool>().ShouldBeTrue();
        await (await safety.PostAsJsonAsync($"/api/steps/{stepId}/pause", new { reason = "again" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        clock.Now = new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.FromHours(8));
        safety = await world.LoginAgainAsync("emergency-management");
        var resumed = await (await safety.PostAsync($"/api/steps/{stepId}/resume", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        resumed["paused"]!.GetValue<bool>().ShouldBeFalse();
        ChinaDate(resumed).ShouldBe(new DateOnly(2026, 3, 19), "Tuesday to Thursday did not count");
        resumed["pauses"]!.AsArray().Single()!.Text("reason").ShouldBe("组织专家评审");

        var tasks = await safety.GetJsonArrayAsync("/api/my/tasks");
        var review = tasks.Single(t => ShippedModels.ShippedIdOf(t) == "safetyReview")!;
        DateOnly.FromDateTime(review["dueAt"]!.GetValue<DateTime>().ToUniversalTime().AddHours(8)).ShouldBe(new DateOnly(2026, 3, 19));
    }

    [Fact]
    public async Task An_officer_of_another_department_is_refused_and_nothing_is_written()
    {
        var world = await NewWorldAsync();
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        var safety = await world.OfficerOfStepAsync("safety");
        var before = await GetCaseAsync(world.Admin, approvalCase.Id());

        var response = await safety.PostAsJsonAsync($"/api/tasks/{TaskId(approvalCase, "eiaAccept")}/accept", new { });
        (await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).Text("detail").ShouldContain("ecology-environment");
        var eiaStep = Step(before, "eia").Id();
        await (await safety.PostAsJsonAsync($"/api/steps/{eiaStep}/pause", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await world.Enterprise.PostAsJsonAsync($"/api/tasks/{TaskId(approvalCase, "eiaAccept")}/accept", new { }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var after = await GetCaseAsync(world.Admin, approvalCase.Id());
        after["steps"]!.ToJsonString().ShouldBe(before["steps"]!.ToJsonString());
        TaskId(after, "eiaAccept").ShouldBe(TaskId(before, "eiaAccept"));
        var asSafety = await GetCaseAsync(safety, approvalCase.Id());
        asSafety["openTasks"]!.AsArray().Single(t => ShippedModels.ShippedIdOf(t) == "eiaAccept")!["actions"]!.AsArray().ShouldBeEmpty();
        asSafety["openTasks"]!.AsArray().Single(t => ShippedModels.ShippedIdOf(t) == "safetyAccept")!["actions"]!.AsArray()
            .Select(a => a!.GetValue<string>()).ShouldContain("accept");
    }

    [Fact]
    public async Task An_enterprise_cannot_see_or_act_on_another_enterprises_case()
    {
        var world = await NewWorldAsync("甲公司");
        var other = await ApprovalWorld.CreateAsync(factory, "乙公司");
        var approvalCase = await world.StartAsync();
        var planning = await world.OfficerOfStepAsync("planning");
        approvalCase = await world.RegisterAsync(approvalCase);
        approvalCase = await ActAsync(planning, approvalCase, "planningAccept", "accept");
        approvalCase = await ActAsync(planning, approvalCase, "planningReview", "review");
        approvalCase = await ActAsync(planning, approvalCase, "planningDecide", "decide", new { outcome = "return", opinion = "缺图" });

        await (await other.Enterprise.GetAsync($"/api/cases/{approvalCase.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await other.Enterprise.GetJsonArrayAsync("/api/cases")).ShouldBeEmpty();
        (await other.Enterprise.GetJsonArrayAsync("/api/my/tasks")).ShouldBeEmpty();
        await (await other.Enterprise.PostAsJsonAsync($"/api/tasks/{TaskId(approvalCase, "planningResubmit")}/resubmit", new { }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var start = await other.Enterprise.PostAsJsonAsync("/api/cases", new { projectId = world.ProjectId, mode = "normal" });
        await start.ShouldBeProblemAsync(HttpStatusCode.NotFound);

        StatusOf(await GetCaseAsync(world.Enterprise, approvalCase.Id()), "planning").ShouldBe("returnedForCorrection");
    }

    [Fact]
    public async Task A_project_has_one_running_case_and_a_bad_mode_names_the_field()
    {
        var world = await NewWorldAsync();
        var bad = await world.Enterprise.PostAsJsonAsync("/api/cases", new { projectId = world.ProjectId, mode = "fast" });
        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["mode"].ShouldNotBeNull();
        await world.StartAsync();
        var again = await world.Enterprise.PostAsJsonAsync("/api/cases", new { projectId = world.ProjectId, mode = "virtual" });
        (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Text("detail").ShouldContain("一个项目同时只能有一个");
        var officer = await world.OfficerAsync("natural-resources");
        await (await officer.PostAsJsonAsync("/api/cases", new { projectId = world.ProjectId, mode = "normal" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Case_lists_come_a_page_at_a_time_newest_first()
    {
        var first = await NewWorldAsync();
        var older = await first.StartAsync();
        var second = await NewWorldAsync();
        var newer = await second.StartAsync();

        var pageOne = await first.Admin.GetJsonArrayAsync("/api/cases?page=1&pageSize=1");
        var pageTwo = await first.Admin.GetJsonArrayAsync("/api/cases?page=2&pageSize=1");
        pageOne.Count.ShouldBe(1);
        pageTwo.Count.ShouldBe(1);
        pageOne[0]!.Id().ShouldBe(newer.Id(), "the newest case comes first");
        pageTwo[0]!.Id().ShouldNotBe(pageOne[0]!.Id());
        var all = await first.Admin.GetJsonArrayAsync("/api/cases?pageSize=500");
        all.Select(c => c!.Id()).ShouldContain(older.Id());
        all.Select(c => c!["startedAt"]!.GetValue<DateTime>()).ShouldBeInOrder(SortDirection.Descending);

        await (await first.Admin.GetAsync("/api/cases?page=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await first.Admin.GetAsync("/api/cases?pageSize=501")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_pledge_system_case_runs_the_pledge_model_with_its_department_steps()
    {
        var world = await NewWorldAsync();
        var approvalCase = await world.StartAsync("pledgeSystem");
        approvalCase.Text("definitionKey").ShouldBe("pledge-system-approval");
        approvalCase["steps"]!.AsArray().Select(s => s.Text("stepCode")).ShouldContain("permit");
        var developmentReform = await world.OfficerAsync("development-reform");
        approvalCase = await ActAsync(developmentReform, approvalCase, "checkLandAndFiling", "decide", new { outcome = "approve" });
        StatusOf(approvalCase, "filing-check").ShouldBe("approved");
        await (await world.Enterprise.PostAsJsonAsync($"/api/tasks/{TaskId(approvalCase, "signPledge")}/resubmit", new { note = "已签署" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        approvalCase = await ActAsync(world.Enterprise, approvalCase, "signPledge", "sign-pledge", new { text = "本企业承诺按公布的标准建设。" });
        approvalCase["openTasks"]!.AsArray().Select(t => ShippedModels.ShippedIdOf(t)).ShouldContain("startConstruction");
        StatusOf(approvalCase, "permit").ShouldBe("underReview");
    }

    private static DateOnly ChinaDate(JsonNode step) =>
        DateOnly.FromDateTime(step["dueAt"]!.GetValue<DateTime>().ToUniversalTime().AddHours(8));
}

public sealed class SqliteApprovalScenarios(WebAppFactory factory)
    : ApprovalScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class PostgresApprovalScenarios(PostgresWebAppFactory factory)
    : ApprovalScenarios(factory), IClassFixture<PostgresWebAppFactory>;

/// <summary>The same scenarios on the shipped models with every element id renamed: the same statuses and outcomes (issue 12).</summary>
public sealed class RenamedSqliteApprovalScenarios(WebAppFactory factory)
    : ApprovalScenarios(factory, renamed: true), IClassFixture<WebAppFactory>;

public sealed class RenamedPostgresApprovalScenarios(PostgresWebAppFactory factory)
    : ApprovalScenarios(factory, renamed: true), IClassFixture<PostgresWebAppFactory>;
