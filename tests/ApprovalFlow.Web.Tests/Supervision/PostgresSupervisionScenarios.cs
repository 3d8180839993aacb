using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;

namespace ApprovalFlow.Web.Tests.Supervision;

/// <summary>The same constructed October on PostgreSQL: the queries' instants, ordering and grouping on its types.</summary>
public sealed class PostgresSupervisionScenarios(PostgresWebAppFactory factory) : IClassFixture<PostgresWebAppFactory>
{
    private static async Task<JsonObject> GetAsync(HttpClient client, string uri) =>
        await (await client.GetAsync(uri)).ShouldHaveStatusAsync(HttpStatusCode.OK);

    [Fact]
    public async Task Stalled_steps_figures_rankings_and_the_report_agree_on_postgres()
    {
        await using var world = await SupervisionWorld.CreateAsync(factory);
        await world.SeedOctoberAsync();
        var supervisor = await world.SupervisorAsync();

        var all = await GetAsync(supervisor, "/api/supervision/stalled-steps?pageSize=3");
        all["total"]!.GetValue<int>().ShouldBe(4);
        all["rows"]!.AsArray().Select(r => r!["caseId"]!.GetValue<Guid>()).ShouldBe([world.Cases["T4"], world.Cases["J2"], world.Cases["Y2"]]);
        (await GetAsync(supervisor, "/api/supervision/stalled-steps?light=yellow"))["rows"]!.AsArray().Single()!["caseId"]!.GetValue<Guid>()
            .ShouldBe(world.Cases["Y2"]);

        var figures = await GetAsync(supervisor, "/api/supervision/figures?from=2026-10-01&to=2026-10-31");
        var taocheng = figures["rows"]!.AsArray().Single(r => r.Text("key") == SupervisionWorld.Taocheng)!;
        taocheng["completed"]!.GetValue<int>().ShouldBe(3);
        taocheng["overdue"]!.GetValue<int>().ShouldBe(1);
        taocheng["averageWorkingDaysToDecide"]!.GetValue<double>().ShouldBe(4.67);

        var rankings = await GetAsync(supervisor, "/api/supervision/rankings?month=2026-10");
        rankings["counties"]!.AsArray().Single(c => c.Text("county") == SupervisionWorld.Taocheng)!.Text("summons").ShouldBe("party-committee-meeting");

        var report = await (await supervisor.PostAsJsonAsync("/api/reports", new { kind = "month", day = "2026-10-31" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        var csv = Encoding.UTF8.GetString(await (await supervisor.GetAsync(report.Text("csvLink"))).Content.ReadAsByteArrayAsync());
        csv.ShouldContain("131102,桃城区,2,1,3,4.67,7,0.6667");
        csv.ShouldContain("131103,冀州区,2,0,1,2,2,1");
    }
}
