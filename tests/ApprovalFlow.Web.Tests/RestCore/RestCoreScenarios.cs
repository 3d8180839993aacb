using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.RestCore;

/// <summary>The REST API core of product.md, driven black-box over HTTP; run once per database.</summary>
public abstract class RestCoreScenarios(WebAppFactory factory)
{
    [Fact]
    public async Task A_case_runs_from_deploy_to_completed_through_the_api()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterprise = await factory.ClientForAsync(Accounts.Enterprise);
        var officer = await factory.ClientForAsync(Accounts.Officer);

        var deployResponse = await admin.PostBpmnAsync("land-review");
        var deployed = await deployResponse.ShouldHaveStatusAsync(HttpStatusCode.Created);
        deployed["key"]!.GetValue<string>().ShouldBe("land-review");
        deployed["version"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        deployResponse.Headers.Location.ShouldNotBeNull();

        var startResponse = await enterprise.PostAsJsonAsync("/api/instances",
            new { definitionKey = "land-review", businessKey = "2026-130000-04-01-000001", variables = new { county = "east" } });
        var started = await startResponse.ShouldHaveStatusAsync(HttpStatusCode.Created);
        started["status"]!.GetValue<string>().ShouldBe("running");
        var instanceId = started["id"]!.GetValue<Guid>();

        var tasks = await officer.GetJsonArrayAsync($"/api/tasks?instanceId={instanceId}");
        var task = tasks.ShouldHaveSingleItem()!.AsObject();
        task["elementId"]!.GetValue<string>().ShouldBe("review");
        task["name"]!.GetValue<string>().ShouldBe("Review the land application");
        task["candidateGroups"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldBe(["natural-resources"]);
        task["assignee"].ShouldBeNull();
        task["createdAt"]!.GetValue<string>().ShouldEndWith("Z", Case.Sensitive, "times are UTC and must say so");
        var taskId = task["id"]!.GetValue<Guid>();

        var inbox = await officer.GetJsonArrayAsync("/api/tasks?candidateGroup=natural-resources");
        inbox.Select(t => t!["id"]!.GetValue<Guid>()).ShouldContain(taskId);

        var claimed = await (await officer.PostAsync($"/api/tasks/{taskId}/claim", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        claimed["assignee"]!.GetValue<string>().ShouldBe(Accounts.Officer.Email);
        var mine = await officer.GetJsonArrayAsync($"/api/tasks?assignee={Uri.EscapeDataString(Accounts.Officer.Email)}");
        mine.Select(t => t!["id"]!.GetValue<Guid>()).ShouldContain(taskId);

        var completeResponse = await officer.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = true } });
        await completeResponse.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var instance = await officer.GetInstanceAsync(instanceId);
        instance["status"]!.GetValue<string>().ShouldBe("completed");
        instance["definitionKey"]!.GetValue<string>().ShouldBe("land-review");
        instance["version"]!.GetValue<int>().ShouldBe(deployed["version"]!.GetValue<int>());
        instance["activeElementIds"]!.AsArray().ShouldBeEmpty();
        instance["variables"]!["approved"]!.GetValue<bool>().ShouldBeTrue();
        instance["variables"]!["county"]!.GetValue<string>().ShouldBe("east");
        (await officer.GetJsonArrayAsync($"/api/tasks?instanceId={instanceId}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Completing_a_task_a_second_time_is_a_conflict()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        await admin.DeployAsync("land-review");
        var instanceId = await admin.StartAsync("land-review");
        var taskId = (await admin.GetJsonArrayAsync($"/api/tasks?instanceId={instanceId}")).Single()!["id"]!.GetValue<Guid>();

        (await admin.PostAsync($"/api/tasks/{taskId}/complete", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await admin.PostAsync($"/api/tasks/{taskId}/complete", null);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Claiming_a_task_someone_else_holds_is_a_conflict()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var officer = await factory.ClientForAsync(Accounts.Officer);
        await admin.DeployAsync("land-review");
        var instanceId = await admin.StartAsync("land-review");
        var taskId = (await officer.GetJsonArrayAsync($"/api/tasks?instanceId={instanceId}")).Single()!["id"]!.GetValue<Guid>();

        (await officer.PostAsync($"/api/tasks/{taskId}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var problem = await (await admin.PostAsync($"/api/tasks/{taskId}/claim", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem["detail"]!.GetValue<string>().ShouldContain(Accounts.Officer.Email);
    }

    [Fact]
    public async Task A_task_that_does_not_exist_is_not_found()
    {
        var officer = await factory.ClientForAsync(Accounts.Officer);

        await (await officer.PostAsync($"/api/tasks/{Guid.NewGuid()}/complete", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_message_no_event_waits_for_is_not_found()
    {
        var enterprise = await factory.ClientForAsync(Accounts.Enterprise);

        var response = await enterprise.PostAsJsonAsync("/api/messages",
            new { name = "nobody-waits-for-this", businessKey = Guid.NewGuid().ToString() });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_message_resumes_the_case_waiting_for_it_by_business_key()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        await admin.DeployAsync("awaiting-materials");
        var businessKey = "case-" + Guid.NewGuid().ToString("N");
        var instanceId = await admin.StartAsync("awaiting-materials", businessKey);
        (await admin.GetInstanceAsync(instanceId))["activeElementIds"]!.AsArray()
            .Select(e => e!.GetValue<string>()).ShouldBe(["wait-for-materials"]);

        var response = await admin.PostAsJsonAsync("/api/messages",
            new { name = "materials-supplied", businessKey, variables = new { supplied = "site plan" } });

        var instance = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        instance["id"]!.GetValue<Guid>().ShouldBe(instanceId);
        instance["status"]!.GetValue<string>().ShouldBe("completed");
        instance["variables"]!["supplied"]!.GetValue<string>().ShouldBe("site plan");
    }

    [Fact]
    public async Task An_invalid_model_is_refused_naming_every_offending_element()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);

        var problem = await (await admin.PostBpmnAsync("unsupported-elements")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsArray().Select(e => e!.AsObject()).ToList();
        errors.Select(e => e["elementId"]?.GetValue<string>()).ShouldContain("compute-fee");
        errors.Select(e => e["elementId"]?.GetValue<string>()).ShouldContain("route");
        var scriptTask = errors.First(e => e["elementId"]?.GetValue<string>() == "compute-fee");
        scriptTask["elementType"]!.GetValue<string>().ShouldBe("scriptTask");
        scriptTask["line"]!.GetValue<int>().ShouldBe(7);
        scriptTask["message"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        (await admin.GetJsonArrayAsync("/api/definitions")).Select(d => d!["key"]!.GetValue<string>()).ShouldNotContain("unsupported");
    }

    [Fact]
    public async Task A_body_that_is_not_xml_is_refused()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);

        var response = await admin.PostAsJsonAsync("/api/definitions", new { key = "not-bpmn" });

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Deploying_a_key_again_publishes_the_next_version_and_starts_use_it()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var first = await admin.DeployAsync("awaiting-materials");
        var second = await admin.DeployAsync("awaiting-materials");

        second["version"]!.GetValue<int>().ShouldBe(first["version"]!.GetValue<int>() + 1);
        var listed = await admin.GetJsonArrayAsync("/api/definitions");
        listed.Where(d => d!["key"]!.GetValue<string>() == "awaiting-materials")
            .Select(d => d!["version"]!.GetValue<int>())
            .ShouldContain(second["version"]!.GetValue<int>());
        var instanceId = await admin.StartAsync("awaiting-materials", "case-" + Guid.NewGuid().ToString("N"));
        (await admin.GetInstanceAsync(instanceId))["version"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(second["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Starting_a_process_that_is_not_deployed_is_not_found()
    {
        var enterprise = await factory.ClientForAsync(Accounts.Enterprise);

        var response = await enterprise.PostAsJsonAsync("/api/instances", new { definitionKey = "never-deployed" });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Starting_without_a_definition_key_is_a_validation_problem()
    {
        var enterprise = await factory.ClientForAsync(Accounts.Enterprise);

        var response = await enterprise.PostAsJsonAsync("/api/instances", new { definitionKey = " " });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["definitionKey"].ShouldNotBeNull();
    }

    [Fact]
    public async Task An_instance_that_does_not_exist_is_not_found()
    {
        var officer = await factory.ClientForAsync(Accounts.Officer);

        await (await officer.GetAsync($"/api/instances/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class RestCoreOnSqlite(WebAppFactory factory)
    : RestCoreScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class RestCoreOnPostgres(PostgresWebAppFactory factory)
    : RestCoreScenarios(factory), IClassFixture<PostgresWebAppFactory>;
