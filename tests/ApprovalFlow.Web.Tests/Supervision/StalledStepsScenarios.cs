using System.Net;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;

namespace ApprovalFlow.Web.Tests.Supervision;

public sealed class StalledStepsScenarios
{
    private static async Task<JsonObject> GetAsync(HttpClient client, string uri) =>
        await (await client.GetAsync(uri)).ShouldHaveStatusAsync(HttpStatusCode.OK);

    private static string[] Steps(JsonObject page, SupervisionWorld world) =>
        [.. page["rows"]!.AsArray().Select(r => world.Cases.Single(c => c.Value == r!["caseId"]!.GetValue<Guid>()).Key)];

    [Fact]
    public async Task Stalled_steps_are_the_overdue_and_the_quiet_ones_filtered_and_paged()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.SeedOctoberAsync();
        var supervisor = await world.SupervisorAsync();

        var all = await GetAsync(supervisor, "/api/supervision/stalled-steps");
        all["total"]!.GetValue<int>().ShouldBe(4);
        Steps(all, world).ShouldBe(["T4", "J2", "Y2", "Y1"], "by due date: T4 19 Oct, J2 9 Nov, Y2 11 Nov, Y1 23 Nov");
        var t4 = all["rows"]!.AsArray().Single(r => r!["caseId"]!.GetValue<Guid>() == world.Cases["T4"])!;
        t4.Text("light").ShouldBe("red");
        t4["overdue"]!.GetValue<bool>().ShouldBeTrue();
        t4["workingDaysLeft"]!.GetValue<int>().ShouldBe(-16, "20 Oct to 10 Nov holds 16 working days");
        t4.Text("countyName").ShouldBe("桃城区");
        t4.Text("link").ShouldBe($"/cases/{world.Cases["T4"]}");
        var y1 = all["rows"]!.AsArray().Single(r => r!["caseId"]!.GetValue<Guid>() == world.Cases["Y1"])!;
        y1.Text("light").ShouldBe("green");
        y1["workingDaysWithoutAction"]!.GetValue<int>().ShouldBe(11);

        Steps(await GetAsync(supervisor, "/api/supervision/stalled-steps?light=red"), world).ShouldBe(["T4", "J2"]);
        Steps(await GetAsync(supervisor, "/api/supervision/stalled-steps?light=yellow"), world).ShouldBe(["Y2"]);
        Steps(await GetAsync(supervisor, "/api/supervision/stalled-steps?light=green"), world).ShouldBe(["Y1"]);
        Steps(await GetAsync(supervisor, $"/api/supervision/stalled-steps?county={SupervisionWorld.Jizhou}"), world).ShouldBe(["J2", "Y2"]);
        Steps(await GetAsync(supervisor, "/api/supervision/stalled-steps?department=natural-resources"), world).ShouldBe(["Y1"]);
        Steps(await GetAsync(supervisor, "/api/supervision/stalled-steps?stepCode=permit"), world).ShouldBe(["T4"]);
        Steps(await GetAsync(supervisor, $"/api/supervision/stalled-steps?county={SupervisionWorld.Taocheng}&light=red"), world).ShouldBe(["T4"]);

        var first = await GetAsync(supervisor, "/api/supervision/stalled-steps?pageSize=3");
        var second = await GetAsync(supervisor, "/api/supervision/stalled-steps?pageSize=3&page=2");
        first["total"]!.GetValue<int>().ShouldBe(4);
        second["total"]!.GetValue<int>().ShouldBe(4);
        Steps(first, world).Concat(Steps(second, world)).ShouldBe(["T4", "J2", "Y2", "Y1"]);

        (await (await supervisor.GetAsync("/api/supervision/stalled-steps?light=blue")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            ["errors"]!["light"].ShouldNotBeNull();
        await (await supervisor.GetAsync("/api/supervision/stalled-steps?pageSize=100000")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_step_becomes_stalled_on_the_fifth_working_day_without_action()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        var project = await world.ProjectAsync("p", SupervisionWorld.Taocheng, Web.Features.Projects.ProjectList.PlannedNewStart, 9_000m);
        // Accepted Monday 2 November, limit 30: far from due; quiet for 5 working days on Monday 9 November, not before.
        await world.StepAsync("Q", project, "land", "natural-resources", 30, SupervisionWorld.China(11, 2));
        var supervisor = await world.SupervisorAsync();
        world.Clock.Now = new DateTimeOffset(2026, 11, 6, 18, 0, 0, TimeSpan.FromHours(8));
        (await GetAsync(supervisor, "/api/supervision/stalled-steps"))["total"]!.GetValue<int>().ShouldBe(0, "4 working days without action");
        world.Clock.Now = new DateTimeOffset(2026, 11, 9, 8, 0, 0, TimeSpan.FromHours(8));
        var page = await GetAsync(supervisor, "/api/supervision/stalled-steps");
        Steps(page, world).ShouldBe(["Q"]);
        page["rows"]![0]!["workingDaysWithoutAction"]!.GetValue<int>().ShouldBe(5);
    }

    [Fact]
    public async Task A_county_officer_sees_the_stalled_steps_of_their_department_in_their_county_only()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.SeedOctoberAsync();

        // Y2 is emergency-management's, in 冀州区: its county's officer sees it, 桃城区's does not (docs/security.md).
        var jizhou = await world.UserAsync(AppRoles.Officer, "emergency-management", SupervisionWorld.Jizhou);
        Steps(await GetAsync(jizhou, "/api/supervision/stalled-steps"), world).ShouldBe(["Y2"]);
        var taocheng = await world.UserAsync(AppRoles.Officer, "emergency-management", SupervisionWorld.Taocheng);
        Steps(await GetAsync(taocheng, "/api/supervision/stalled-steps"), world).ShouldBeEmpty();
        Steps(await GetAsync(taocheng, $"/api/supervision/stalled-steps?county={SupervisionWorld.Jizhou}"), world).ShouldBeEmpty(
            "a county officer's filter cannot widen their county");
        var figures = await GetAsync(taocheng, "/api/supervision/figures?groupBy=county&from=2026-09-01&to=2026-10-31");
        // Every county is listed; only the officer's own county can count anything.
        figures["rows"]!.AsArray().Where(r => r.Text("key") != SupervisionWorld.Taocheng)
            .ShouldAllBe(r => r!["open"]!.GetValue<int>() == 0 && r!["overdue"]!.GetValue<int>() == 0 && r!["completed"]!.GetValue<int>() == 0);
        var own = figures["rows"]!.AsArray().Single(r => r.Text("key") == SupervisionWorld.Taocheng)!;
        own["completed"]!.GetValue<int>().ShouldBe(1, "S1: emergency-management's safety step in 桃城区, decided in September");
    }

    [Fact]
    public async Task Supervisors_see_every_county_an_officer_only_their_department_a_leader_their_projects_and_an_enterprise_nothing()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.SeedOctoberAsync();
        var leaderEmail = $"leader-{Guid.NewGuid():N}@test.local";
        var leaderId = await world.App.CreateUserAsync(leaderEmail, AppRoles.PairedLeader);
        var led = await world.ProjectAsync("led", "131182", Web.Features.Projects.ProjectList.PlannedNewStart, 7_000m, leaderId);
        await world.StepAsync("L1", led, "planning", "natural-resources", 5, SupervisionWorld.China(10, 12));

        var supervisor = await world.SupervisorAsync();
        var everything = await GetAsync(supervisor, "/api/supervision/stalled-steps");
        everything["total"]!.GetValue<int>().ShouldBe(5);
        everything["rows"]!.AsArray().Select(r => r.Text("countyCode")).Distinct().Count().ShouldBe(3);

        var officer = await world.UserAsync(AppRoles.Officer, "emergency-management");
        Steps(await GetAsync(officer, "/api/supervision/stalled-steps"), world).ShouldBe(["Y2"]);
        Steps(await GetAsync(officer, "/api/supervision/stalled-steps?department=natural-resources"), world).ShouldBeEmpty(
            "an officer's filter cannot widen their department");
        var figures = await GetAsync(officer, "/api/supervision/figures?groupBy=department&from=2026-10-01&to=2026-10-31");
        figures["rows"]!.AsArray().Select(r => r.Text("key")).ShouldBe(["emergency-management"]);

        var leader = await world.App.LoginAsync(leaderEmail);
        Steps(await GetAsync(leader, "/api/supervision/stalled-steps"), world).ShouldBe(["L1"]);

        var enterprise = await world.UserAsync(AppRoles.Enterprise);
        foreach (var uri in new[] { "/api/supervision/stalled-steps", "/api/supervision/figures", "/api/supervision/rankings", "/api/reports" })
        {
            (await enterprise.GetAsync(uri)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, uri);
        }
        (await officer.GetAsync("/api/supervision/rankings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Figures_and_rankings_of_the_constructed_months()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.SeedOctoberAsync();
        var supervisor = await world.SupervisorAsync();

        var figures = await GetAsync(supervisor, "/api/supervision/figures?groupBy=county&from=2026-10-01&to=2026-10-31");
        var rows = figures["rows"]!.AsArray();
        rows.Count.ShouldBe(13);
        var taocheng = rows.Single(r => r.Text("key") == SupervisionWorld.Taocheng)!;
        taocheng["open"]!.GetValue<int>().ShouldBe(2);
        taocheng["overdue"]!.GetValue<int>().ShouldBe(1);
        taocheng["completed"]!.GetValue<int>().ShouldBe(3);
        taocheng["averageWorkingDaysToDecide"]!.GetValue<double>().ShouldBe(4.67);
        taocheng["p90WorkingDaysToDecide"]!.GetValue<int>().ShouldBe(7);
        taocheng["shareDecidedWithinLimit"]!.GetValue<double>().ShouldBe(0.6667);

        var bySteps = await GetAsync(supervisor, "/api/supervision/figures?groupBy=step&from=2026-10-01&to=2026-10-31");
        bySteps["rows"]!.AsArray().Single(r => r.Text("key") == "land")!["completed"]!.GetValue<int>().ShouldBe(2);

        var rankings = await GetAsync(supervisor, "/api/supervision/rankings?month=2026-10");
        rankings.Text("month").ShouldBe("2026-10");
        var counties = rankings["counties"]!.AsArray();
        counties.Count.ShouldBe(13);
        var t = counties.Single(c => c.Text("county") == SupervisionWorld.Taocheng)!;
        t["lastOn"]!.AsArray().Select(x => x!.GetValue<string>()).ShouldBe(
            ["overdue", "averageWorkingDaysToDecide", "p90WorkingDaysToDecide", "shareDecidedWithinLimit"]);
        t.Text("summons").ShouldBe("party-committee-meeting");
        t["ranks"]!["completed"]!.GetValue<int>().ShouldBe(1);
        var j = counties.Single(c => c.Text("county") == SupervisionWorld.Jizhou)!;
        j["lastOn"]!.AsArray().Select(x => x!.GetValue<string>()).ShouldBe(["completed"]);
        j.Text("summons").ShouldBe("none");
        counties.Single(c => c.Text("county") == "131121")!["ranks"]!["overdue"].ShouldBeNull("a county with nothing open or decided is not ranked");

        var september = await GetAsync(supervisor, "/api/supervision/rankings?month=2026-09");
        september["counties"]!.AsArray().Single(c => c.Text("county") == SupervisionWorld.Taocheng)!.Text("summons").ShouldBe("none");
        await (await supervisor.GetAsync("/api/supervision/rankings?month=2026-12")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
