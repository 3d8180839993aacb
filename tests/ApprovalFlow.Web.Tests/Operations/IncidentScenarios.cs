using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Web.Tests.Operations.OperationModels;

namespace ApprovalFlow.Web.Tests.Operations;

/// <summary>A service task whose system is down becomes an incident an administrator handles; run once per database.</summary>
public abstract class IncidentScenarios(WebAppFactory factory)
{
    private const string Handler = "pushToRegistry";

    /// <summary>The outside registry the handler pushes to; down until a test brings it up.</summary>
    private sealed class Registry
    {
        public volatile bool Up;
    }

    private sealed class PushToRegistryHandler(Registry registry) : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            if (!registry.Up) throw new InvalidOperationException("投资项目在线审批监管平台 unavailable (HTTP 503)");
            context.Variables["registryReceipt"] = "R-1";
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The app with the handler registered and no automatic retries, so the first failure is an incident.</summary>
    private WebApplicationFactory<Program> WithRegistry(Registry registry) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.AddSingleton(registry);
            services.AddServiceTaskHandler<PushToRegistryHandler>(Handler);
            services.Configure<EngineOptions>(o => o.ServiceTaskRetryDelays = []);
        }));

    [Fact]
    public async Task A_failing_service_task_becomes_an_incident_that_a_retry_resolves_once_the_system_is_back()
    {
        var registry = new Registry();
        await using var app = WithRegistry(registry);
        var admin = await app.ClientForAsync(Accounts.Admin);
        var key = NewKey("incident");
        await admin.DeployModelAsync(PushToRegistry(key, Handler));
        var instanceId = await admin.StartAsync(key);
        (await admin.GetInstanceAsync(instanceId))["activeElementIds"].Strings().ShouldBe(["push"]);

        var incident = (await admin.GetJsonArrayAsync($"/api/incidents?instanceId={instanceId}")).ShouldHaveSingleItem()!.AsObject();
        incident["elementId"]!.GetValue<string>().ShouldBe("push");
        incident["status"]!.GetValue<string>().ShouldBe("open");
        incident["message"]!.GetValue<string>().ShouldContain("HTTP 503");
        var incidentId = incident["id"]!.GetValue<Guid>();
        (await admin.GetJsonArrayAsync("/api/incidents")).Select(i => i!["id"]!.GetValue<Guid>()).ShouldContain(incidentId);

        var stillDown = await (await admin.PostAsync($"/api/incidents/{incidentId}/retry", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        stillDown["status"]!.GetValue<string>().ShouldBe("open");
        stillDown["attempts"]!.GetValue<int>().ShouldBe(incident["attempts"]!.GetValue<int>() + 1);

        registry.Up = true;
        var retried = await (await admin.PostAsync($"/api/incidents/{incidentId}/retry", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        retried["status"]!.GetValue<string>().ShouldBe("resolved");
        retried["resolvedBy"]!.GetValue<string>().ShouldBe(Accounts.Admin.Email);
        retried["resolvedAt"]!.GetValue<string>().ShouldEndWith("Z");
        var instance = await admin.GetInstanceAsync(instanceId);
        instance["activeElementIds"].Strings().ShouldBe(["issue"]);
        instance["variables"]!["registryReceipt"]!.GetValue<string>().ShouldBe("R-1");
        (await admin.GetJsonArrayAsync($"/api/incidents?instanceId={instanceId}")).ShouldBeEmpty();
        var closed = (await admin.GetJsonArrayAsync($"/api/incidents?instanceId={instanceId}&open=false")).ShouldHaveSingleItem()!;
        closed["status"]!.GetValue<string>().ShouldBe("resolved");
        await (await admin.PostAsync($"/api/incidents/{incidentId}/retry", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_incident_resolved_by_hand_moves_the_case_on_and_cannot_be_resolved_twice()
    {
        await using var app = WithRegistry(new Registry());
        var admin = await app.ClientForAsync(Accounts.Admin);
        var key = NewKey("byhand");
        await admin.DeployModelAsync(PushToRegistry(key, Handler));
        var instanceId = await admin.StartAsync(key);
        var incidentId = (await admin.GetJsonArrayAsync($"/api/incidents?instanceId={instanceId}")).Single()!["id"]!.GetValue<Guid>();
        await (await admin.PostAsJsonAsync($"/api/incidents/{incidentId}/resolve", new { note = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var resolved = await (await admin.PostAsJsonAsync($"/api/incidents/{incidentId}/resolve", new { note = "entered in the registry by hand" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        resolved["status"]!.GetValue<string>().ShouldBe("resolved");
        resolved["resolution"]!.GetValue<string>().ShouldBe("entered in the registry by hand");
        (await admin.GetInstanceAsync(instanceId))["activeElementIds"].Strings().ShouldBe(["issue"]);
        await (await admin.PostAsJsonAsync($"/api/incidents/{incidentId}/resolve", new { note = "again" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"/api/incidents/{Guid.NewGuid()}/retry", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Incidents_are_for_administrators_only()
    {
        var officer = await factory.ClientForAsync(Accounts.Officer);

        await (await officer.GetAsync("/api/incidents")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PostAsync($"/api/incidents/{Guid.NewGuid()}/retry", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PostAsJsonAsync($"/api/incidents/{Guid.NewGuid()}/resolve", new { note = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class IncidentsOnSqlite(WebAppFactory factory)
    : IncidentScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class IncidentsOnPostgres(PostgresWebAppFactory factory)
    : IncidentScenarios(factory), IClassFixture<PostgresWebAppFactory>;
