using System.Net;
using System.Net.Http.Headers;
using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Definitions;

/// <summary>
/// The deploy answer lists every process a file deployed (<c>POST /api/definitions</c> and the designer's publish),
/// with the two-pool model Scenarios/site-inspection-signal.bpmn.
/// </summary>
public abstract class DeployAnswerScenarios(WebAppFactory factory)
{
    [Fact]
    public async Task Deploying_a_file_of_two_pools_answers_every_process_it_deployed()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var before = (await admin.GetJsonArrayAsync("/api/definitions")).Count;

        var response = await admin.PostBpmnAsync("site-inspection-signal");

        var deployed = await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var processes = deployed["processes"]!.AsArray().Select(p => p!.AsObject()).ToList();
        processes.Select(p => p["key"]!.GetValue<string>()).ShouldBe(["inspection-wait", "inspection-started"]);
        // The first process is also the answer's own id, key and version, as before a file could deploy several.
        deployed["id"]!.GetValue<Guid>().ShouldBe(processes[0]["id"]!.GetValue<Guid>());
        deployed["key"]!.GetValue<string>().ShouldBe("inspection-wait");
        deployed["version"]!.GetValue<int>().ShouldBe(processes[0]["version"]!.GetValue<int>());
        var listed = await admin.GetJsonArrayAsync("/api/definitions");
        listed.Count.ShouldBe(before + 2);
        foreach (var process in processes)
        {
            var one = listed.Single(d => d!["id"]!.GetValue<Guid>() == process["id"]!.GetValue<Guid>())!;
            one["key"]!.GetValue<string>().ShouldBe(process["key"]!.GetValue<string>());
            one["version"]!.GetValue<int>().ShouldBe(process["version"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task The_designer_publish_answers_every_process_too()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var first = await admin.DeployAsync("site-inspection-signal");
        var content = new ByteArrayContent(Scenario.Bpmn("site-inspection-signal"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");

        var published = await (await admin.PostAsync("/api/designer/publish", content)).ShouldHaveStatusAsync(HttpStatusCode.Created);

        var versions = first["processes"]!.AsArray().ToDictionary(p => p!["key"]!.GetValue<string>(), p => p!["version"]!.GetValue<int>());
        var processes = published["processes"]!.AsArray().Select(p => p!.AsObject()).ToList();
        processes.Select(p => p["key"]!.GetValue<string>()).ShouldBe(["inspection-wait", "inspection-started"]);
        processes.ShouldAllBe(p => p["version"]!.GetValue<int>() == versions[p["key"]!.GetValue<string>()] + 1);
        published["key"]!.GetValue<string>().ShouldBe("inspection-wait");
    }
}

public sealed class DeployAnswerOnSqlite(WebAppFactory factory)
    : DeployAnswerScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class DeployAnswerOnPostgres(PostgresWebAppFactory factory)
    : DeployAnswerScenarios(factory), IClassFixture<PostgresWebAppFactory>;
