using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Web.Tests.Infrastructure;
using static ApprovalFlow.Web.Tests.Operations.OperationModels;

namespace ApprovalFlow.Web.Tests.Operations;

/// <summary>Moving running cases to a new version over HTTP; run once per database.</summary>
public abstract class MigrationScenarios(WebAppFactory factory)
{
    [Fact]
    public async Task A_case_waiting_inside_a_parallel_fork_moves_to_the_new_version_with_the_same_task()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var key = NewKey("migrate");
        (await admin.DeployModelAsync(ForkV1(key))).ShouldBe(1);
        var instanceId = await admin.StartAsync(key);
        (await admin.PostAsync($"/api/tasks/{await admin.OpenTaskIdAsync(instanceId, "land")}/complete", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var eiaTaskId = await admin.OpenTaskIdAsync(instanceId, "eia");
        (await admin.DeployModelAsync(ForkV2(key))).ShouldBe(2);

        var result = await (await admin.PostAsJsonAsync($"/api/definitions/{key}/migrations",
            new { fromVersion = 1, toVersion = 2, mapping = new Dictionary<string, string> { ["eia"] = "eiaReview" } }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        result["migrated"]!.GetValue<int>().ShouldBe(1);
        result["instanceIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).ShouldBe([instanceId]);
        var instance = await admin.GetInstanceAsync(instanceId);
        instance["version"]!.GetValue<int>().ShouldBe(2);
        instance["activeElementIds"].Strings().ShouldBe(["join", "eiaReview"], ignoreOrder: true);
        var task = await admin.OpenTaskAsync(instanceId, "eiaReview");
        task["id"]!.GetValue<Guid>().ShouldBe(eiaTaskId);

        (await admin.PostAsync($"/api/tasks/{eiaTaskId}/complete", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetJsonArrayAsync($"/api/tasks?instanceId={instanceId}")).Select(t => t!["elementId"]!.GetValue<string>()).ShouldBe(["permit"]);
    }

    [Fact]
    public async Task A_migration_that_leaves_an_active_element_unmapped_is_refused_naming_it()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var key = NewKey("refused");
        await admin.DeployModelAsync(ForkV1(key));
        var instanceId = await admin.StartAsync(key);
        await admin.DeployModelAsync(ForkV2(key));

        var problem = await (await admin.PostAsJsonAsync($"/api/definitions/{key}/migrations", new { fromVersion = 1, toVersion = 2 }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var problems = problem["problems"]!.AsArray().Select(p => p!.AsObject()).ToList();
        var eia = problems.ShouldHaveSingleItem();
        eia["instanceId"]!.GetValue<Guid>().ShouldBe(instanceId);
        eia["elementId"]!.GetValue<string>().ShouldBe("eia");
        eia["message"]!.GetValue<string>().ShouldContain("eia");
        (await admin.GetInstanceAsync(instanceId))["version"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Migrations_are_for_administrators_and_name_versions_that_exist()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var officer = await factory.ClientForAsync(Accounts.Officer);
        var key = NewKey("versions");
        await admin.DeployModelAsync(ForkV1(key));

        await (await officer.PostAsJsonAsync($"/api/definitions/{key}/migrations", new { fromVersion = 1, toVersion = 2 }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.PostAsJsonAsync($"/api/definitions/{key}/migrations", new { fromVersion = 1, toVersion = 2 }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var invalid = await (await admin.PostAsJsonAsync($"/api/definitions/{key}/migrations", new { fromVersion = 1, toVersion = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        invalid["errors"]!["toVersion"].ShouldNotBeNull();
    }
}

public sealed class MigrationsOnSqlite(WebAppFactory factory)
    : MigrationScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class MigrationsOnPostgres(PostgresWebAppFactory factory)
    : MigrationScenarios(factory), IClassFixture<PostgresWebAppFactory>;
