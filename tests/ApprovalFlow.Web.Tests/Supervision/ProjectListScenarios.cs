using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;

namespace ApprovalFlow.Web.Tests.Supervision;

public sealed class ProjectListScenarios
{
    [Fact]
    public async Task A_reserve_project_moves_to_planned_new_start_by_itself_once_every_pre_start_step_is_effective()
    {
        await using var factory = new WebAppFactory();
        var world = await ApprovalWorld.CreateAsync(factory);
        var project = await (await world.Admin.GetAsync($"/api/projects/{world.ProjectId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        project.Text("list").ShouldBe("reserve");

        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        foreach (var step in ApprovalWorld.Steps.Where(s => s != "permit")) approvalCase = await world.RunStepAsync(approvalCase, step);
        (await (await world.Admin.GetAsync($"/api/projects/{world.ProjectId}")).ShouldHaveStatusAsync(HttpStatusCode.OK))
            .Text("list").ShouldBe("reserve", "the construction permit is not effective yet");

        await world.RunStepAsync(approvalCase, "permit");
        (await (await world.Admin.GetAsync($"/api/projects/{world.ProjectId}")).ShouldHaveStatusAsync(HttpStatusCode.OK))
            .Text("list").ShouldBe("planned-new-start");
        var history = await world.Enterprise.GetJsonArrayAsync($"/api/projects/{world.ProjectId}/history");
        var move = history.Single(h => h.Text("change") == "list-changed")!;
        move.Text("from").ShouldBe("reserve");
        move.Text("to").ShouldBe("planned-new-start");
        move.Text("by").ShouldBe("system");
        move.Text("reason").ShouldContain(approvalCase.Id().ToString());

        var planned = await (await world.Admin.GetAsync("/api/project-lists/planned-new-start")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        planned["projects"]!.AsArray().ShouldContain(p => p.Id() == world.ProjectId);
        var reserve = await (await world.Admin.GetAsync("/api/project-lists/reserve")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        reserve["projects"]!.AsArray().ShouldNotContain(p => p.Id() == world.ProjectId);
    }

    [Fact]
    public async Task The_lists_hold_projects_of_fifty_million_yuan_and_more_with_their_paired_leaders_and_investment_is_reported_monthly()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        var big = await world.ProjectAsync("big", SupervisionWorld.Taocheng, ProjectList.UnderConstruction, 5_000m, "leader-id");
        var small = await world.ProjectAsync("small", SupervisionWorld.Taocheng, ProjectList.UnderConstruction, 4_999.99m);
        var supervisor = await world.SupervisorAsync();

        var list = await (await supervisor.GetAsync("/api/project-lists/under-construction")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        list.Text("heading").ShouldBe("在建");
        var projects = list["projects"]!.AsArray();
        projects.Select(p => p.Id()).ShouldBe([big]);
        projects[0].Text("pairedLeaderName").ShouldBe("包联领导");
        await (await supervisor.GetAsync("/api/project-lists/completed")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var stranger = await world.UserAsync(AppRoles.Enterprise);
        var seen = await (await stranger.GetAsync("/api/project-lists/under-construction")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        seen["projects"]!.AsArray().ShouldBeEmpty("an enterprise sees nothing of others");

        var officer = await world.UserAsync(AppRoles.Officer, "development-reform");
        foreach (var (month, amount) in new[] { ("2025-01", 100m), ("2025-02", 100m), ("2025-03", 500m), ("2026-01", 120m), ("2026-02", 110m) })
        {
            await (await officer.PostAsJsonAsync("/api/project-lists/investment-reports", new { projectId = big, month, amountCompleted = amount }))
                .ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        await (await officer.PostAsJsonAsync("/api/project-lists/investment-reports", new { projectId = small, month = "2026-01", amountCompleted = 5m }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await officer.PostAsJsonAsync("/api/project-lists/investment-reports", new { projectId = big, month = "2026-01", amountCompleted = 1m }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await officer.PostAsJsonAsync("/api/project-lists/investment-reports", new { projectId = big, month = "2027-01", amountCompleted = 1m }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await stranger.PostAsJsonAsync("/api/project-lists/investment-reports", new { projectId = big, month = "2026-03", amountCompleted = 1m }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await supervisor.GetJsonArrayAsync($"/api/project-lists/investment-reports?projectId={big}")).Count.ShouldBe(5);
        (await stranger.GetJsonArrayAsync("/api/project-lists/investment-reports")).ShouldBeEmpty();

        // January–February: 235 against 200 a year earlier, +17.5% against 桃城区's target of 7%.
        var progress = await (await supervisor.GetAsync("/api/project-lists/county-progress?year=2026&throughMonth=2")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var taocheng = progress["counties"]!.AsArray().Single(c => c.Text("county") == SupervisionWorld.Taocheng)!;
        taocheng["completedThisYear"]!.GetValue<decimal>().ShouldBe(235m);
        taocheng["completedSamePeriodLastYear"]!.GetValue<decimal>().ShouldBe(200m);
        taocheng["growth"]!.GetValue<decimal>().ShouldBe(17.5m);
        taocheng["growthTarget"]!.GetValue<decimal>().ShouldBe(7m);
        taocheng["onTarget"]!.GetValue<bool>().ShouldBeTrue();
        progress["counties"]!.AsArray().Count.ShouldBe(13);
        progress["counties"]!.AsArray().Single(c => c.Text("county") == "131172")!["growthTarget"]!.GetValue<decimal>().ShouldBe(4m);
    }
}
