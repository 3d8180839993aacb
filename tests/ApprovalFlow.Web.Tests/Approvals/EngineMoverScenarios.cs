using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Web.Tests.Approvals.ApprovalWorld;

namespace ApprovalFlow.Web.Tests.Approvals;

/// <summary>
/// Whatever moves the engine, the case and its steps agree with it afterwards (issue 12): the StepKeeper runs inside
/// every transition, so a timer, a send back, a cancel or a migration called on the engine itself keeps the steps
/// current, and a failing keeper leaves no trace of the transition. Run once per database.
/// </summary>
public abstract class EngineMoverScenarios(WebAppFactory factory)
{
    private async Task<T> OnEngineAsync<T>(WebApplicationFactory<Program> app, Func<WorkflowEngine, AppDbContext, Task<T>> body)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await body(scope.ServiceProvider.GetRequiredService<WorkflowEngine>(), scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static async Task<JsonObject> CaseAsync(ApprovalWorld world, Guid caseId) => await GetCaseAsync(world.Admin, caseId);

    [Fact]
    public async Task A_send_back_on_the_engine_moves_the_step_back_to_acceptance()
    {
        var world = await ApprovalWorld.CreateAsync(factory);
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        var land = await world.OfficerOfStepAsync("land");
        approvalCase = await ActAsync(land, approvalCase, "landAccept", "accept");
        approvalCase = await ActAsync(land, approvalCase, "landReview", "review");
        StatusOf(approvalCase, "land").ShouldBe("awaitingDecision");
        var instanceId = approvalCase["instanceId"]!.GetValue<Guid>();

        // By the elements' roles: another test of this class may have published a version with other ids.
        await OnEngineAsync(factory, async (engine, _) =>
        {
            var model = await CaseModel.ForInstanceAsync(engine, instanceId, default);
            string IdOf(TaskRole role) => model.TasksOf("land").Single(e => ApprovalRoles.RoleOf(e.Extensions) == role).Id;
            return await engine.SendBackAsync(instanceId, IdOf(TaskRole.Decide), IdOf(TaskRole.Accept), "材料需重新核对", "engine-admin");
        });

        approvalCase = await CaseAsync(world, approvalCase.Id());
        StatusOf(approvalCase, "land").ShouldBe("awaitingAcceptance");
        var last = Step(approvalCase, "land")["history"]!.AsArray()[^1]!;
        last.Text("to").ShouldBe("awaitingAcceptance");
        last.Text("actor").ShouldBe("engine-admin");
        approvalCase["openTasks"]!.AsArray().Select(ShippedModels.ShippedIdOf).ShouldContain("landAccept");
    }

    [Fact]
    public async Task A_timer_fired_by_the_engine_keeps_the_step_under_review_and_the_case_consistent()
    {
        var world = await ApprovalWorld.CreateAsync(factory);
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        approvalCase = await ActAsync(await world.OfficerOfStepAsync("safety"), approvalCase, "safetyAccept", "accept");
        var instanceId = approvalCase["instanceId"]!.GetValue<Guid>();

        var fired = await OnEngineAsync(factory, async (engine, db) =>
        {
            var timer = await db.Set<TimerRecord>().SingleAsync(t => t.InstanceId == instanceId && t.Status == TimerStatus.Pending);
            timer.DueAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
            return await engine.FireTimerAsync(timer.Id);
        });
        fired.ShouldBeTrue();

        approvalCase = await CaseAsync(world, approvalCase.Id());
        StatusOf(approvalCase, "safety").ShouldBe("underReview");
        approvalCase.Text("status").ShouldBe("running");
        // The overdue review goes on: the review task is still there and can be done through the approval route.
        approvalCase = await ActAsync(await world.OfficerOfStepAsync("safety"), approvalCase, "safetyReview", "review");
        StatusOf(approvalCase, "safety").ShouldBe("awaitingDecision");
    }

    [Fact]
    public async Task A_cancel_on_the_engine_ends_the_case_and_withdraws_its_open_steps()
    {
        var world = await ApprovalWorld.CreateAsync(factory);
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        approvalCase = await world.RunStepAsync(approvalCase, "land");
        var instanceId = approvalCase["instanceId"]!.GetValue<Guid>();

        await OnEngineAsync(factory, (engine, _) => engine.CancelInstanceAsync(instanceId, "测试撤销", "engine-admin"));

        approvalCase = await CaseAsync(world, approvalCase.Id());
        approvalCase.Text("status").ShouldBe("terminated");
        StatusOf(approvalCase, "land").ShouldBe("approved");
        foreach (var step in new[] { "planning", "eia", "safety", "permit" }) StatusOf(approvalCase, step).ShouldBe("withdrawn");
        approvalCase["openTasks"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_migration_to_a_version_with_renamed_ids_carries_the_running_case_over()
    {
        var world = await ApprovalWorld.CreateAsync(factory);
        var approvalCase = await world.RegisterAsync(await world.StartAsync("virtual"));
        approvalCase = await world.RunStepAsync(approvalCase, "planning");
        StatusOf(approvalCase, "planning").ShouldBe("virtuallyApproved");
        approvalCase = await ActAsync(await world.OfficerOfStepAsync("eia"), approvalCase, "eiaAccept", "accept");
        var instanceId = approvalCase["instanceId"]!.GetValue<Guid>();
        var fromVersion = approvalCase["definitionVersion"]!.GetValue<int>();

        // A new version whose every id differs; the mapping names each element and flow.
        var xml = ShippedModels.RenameEveryElementId(ShippedModels.Xml(ShippedWorkflows.PreConstruction));
        var deployed = await (await world.Admin.PostAsync("/api/definitions", new StringContent(xml, System.Text.Encoding.UTF8, "application/xml")))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        var toVersion = deployed["version"]!.GetValue<int>();
        var ids = System.Xml.Linq.XDocument.Parse(ShippedModels.Xml(ShippedWorkflows.PreConstruction)).Descendants()
            .Where(e => e.Name.LocalName == "process").SelectMany(p => p.Descendants())
            .Where(e => !e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal))
            .Select(e => (string?)e.Attribute("id")).OfType<string>().Distinct();
        var mapping = ids.ToDictionary(id => id, ShippedModels.Renamed);

        var result = await OnEngineAsync(factory, (engine, _) =>
            engine.MigrateInstancesAsync(ShippedWorkflows.PreConstruction, fromVersion, toVersion, mapping, [instanceId], "engine-admin"));
        result.Migrated.ShouldBe(1);

        approvalCase = await CaseAsync(world, approvalCase.Id());
        approvalCase["definitionVersion"]!.GetValue<int>().ShouldBe(toVersion);
        StatusOf(approvalCase, "planning").ShouldBe("virtuallyApproved");
        StatusOf(approvalCase, "eia").ShouldBe("underReview");
        // The case goes on on the new version: land approved makes the virtual planning approval effective.
        approvalCase = await world.RunStepAsync(approvalCase, "land");
        StatusOf(approvalCase, "land").ShouldBe("approved");
        StatusOf(approvalCase, "planning").ShouldBe("approved");
        approvalCase["openTasks"]!.AsArray().Select(t => t.Text("elementId")).ShouldAllBe(id => id.StartsWith(ShippedModels.RenamedPrefix));
    }

    [Fact]
    public async Task A_message_delivered_to_the_engine_moves_the_step_it_reaches()
    {
        // A version of the shipped model in which the land review also ends when the enterprise withdraws the land
        // application (message 撤回用地申请, an interrupting boundary event leading to the step's rejection marker).
        var world = await ApprovalWorld.CreateAsync(factory);
        const string signal = "  <bpmn:signal id=\"Signal_landApproved\"";
        const string rejected = "      <bpmn:intermediateThrowEvent id=\"landRejected\"";
        var xml = ShippedModels.Xml(ShippedWorkflows.PreConstruction)
            .Replace(signal, "  <bpmn:message id=\"Msg_landWithdrawn\" name=\"撤回用地申请\" />\n" + signal, StringComparison.Ordinal)
            .Replace(rejected,
                "      <bpmn:boundaryEvent id=\"landWithdrawn\" name=\"企业撤回用地申请\" attachedToRef=\"landReview\">"
                + "<bpmn:messageEventDefinition messageRef=\"Msg_landWithdrawn\" /></bpmn:boundaryEvent>\n"
                + "      <bpmn:sequenceFlow id=\"Flow_land_withdrawn\" sourceRef=\"landWithdrawn\" targetRef=\"landRejected\" />\n" + rejected,
                StringComparison.Ordinal);
        xml.ShouldContain("Flow_land_withdrawn");
        await (await world.Admin.PostAsync("/api/definitions", new StringContent(xml, System.Text.Encoding.UTF8, "application/xml")))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        try
        {
            var approvalCase = await world.RegisterAsync(await world.StartAsync());
            approvalCase = await ActAsync(await world.OfficerOfStepAsync("land"), approvalCase, "landAccept", "accept");
            StatusOf(approvalCase, "land").ShouldBe("underReview");

            await OnEngineAsync(factory, (engine, _) =>
                engine.CorrelateMessageAsync("撤回用地申请", approvalCase.Text("projectCode"), null, null));

            approvalCase = await CaseAsync(world, approvalCase.Id());
            StatusOf(approvalCase, "land").ShouldBe("rejected");
            Step(approvalCase, "land")["history"]!.AsArray()[^1]!.Text("actor").ShouldBe(StepKeeper.SystemActor);
            approvalCase["openTasks"]!.AsArray().Select(ShippedModels.ShippedIdOf).ShouldNotContain("landReview");
        }
        finally
        {
            // The other tests of this class start their cases on the shipped model again.
            var shipped = ShippedModels.Xml(ShippedWorkflows.PreConstruction);
            await (await world.Admin.PostAsync("/api/definitions", new StringContent(shipped, System.Text.Encoding.UTF8, "application/xml")))
                .ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
    }

    /// <summary>Refuses every transition while switched on, as a broken host rule would.</summary>
    private sealed class FailingKeeper(FailSwitch fail) : ITransitionObserver
    {
        public Task OnTransitionAsync(TransitionReport report, CancellationToken ct) =>
            fail.On ? throw new InvalidOperationException("the host's rule failed") : Task.CompletedTask;
    }

    private sealed class FailSwitch
    {
        public bool On { get; set; }
    }

    [Fact]
    public async Task A_failing_host_hook_leaves_no_trace_of_the_transition()
    {
        var fail = new FailSwitch();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton(fail);
            s.AddScoped<ITransitionObserver, FailingKeeper>();
        }));
        var world = await ApprovalWorld.CreateAsync(app);
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        var land = await world.OfficerOfStepAsync("land");
        var instanceId = approvalCase["instanceId"]!.GetValue<Guid>();
        var before = await OnEngineAsync(app, async (engine, _) => (await engine.GetInstanceAsync(instanceId))!.ActiveElementIds);

        fail.On = true;
        var refused = await land.PostAsJsonAsync($"/api/tasks/{TaskId(approvalCase, "landAccept")}/accept", new { });
        refused.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        fail.On = false;

        var after = await CaseAsync(world, approvalCase.Id());
        StatusOf(after, "land").ShouldBe("awaitingAcceptance");
        Step(after, "land")["acceptedAt"].ShouldBeNull();
        TaskId(after, "landAccept").ShouldBe(TaskId(approvalCase, "landAccept"));
        (await OnEngineAsync(app, async (engine, _) => (await engine.GetInstanceAsync(instanceId))!.ActiveElementIds)).ShouldBe(before);
        // Nothing half-done: the same acceptance works once the hook is well again.
        after = await ActAsync(land, after, "landAccept", "accept");
        StatusOf(after, "land").ShouldBe("underReview");
    }
}

public sealed class SqliteEngineMoverScenarios(WebAppFactory factory)
    : EngineMoverScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class PostgresEngineMoverScenarios(PostgresWebAppFactory factory)
    : EngineMoverScenarios(factory), IClassFixture<PostgresWebAppFactory>;
