using ApprovalFlow.Engine.Parsing;
using ApprovalFlow.Engine.Tests.Infrastructure;
using ApprovalFlow.Engine.Tests.Workflows;

namespace ApprovalFlow.Engine.Tests.Scenarios;

/// <summary>Escalation events: thrown by intermediate and end events, caught by boundary events and event sub-processes.</summary>
public class EscalationScenarioTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Non_interrupting_catches_run_beside_and_an_uncaught_escalation_changes_nothing(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAsync(ScenarioModel.Bytes("escalation-events"), "test");
        var instance = await h.StartAsync("escalations");

        var after = await h.CompleteAsync(instance.Id, "draft", new { needsSignoff = false });

        after.ActiveElementIds.ShouldBe(["informManager", "onAudit", "audit", "close"], ignoreOrder: true);
        (await h.CountAsync(instance.Id, "lateDraft", "escalation-caught")).ShouldBe(1);
        (await h.CountAsync(instance.Id, "auditRequested", "escalation-caught")).ShouldBe(1);
        (await h.CountAsync(instance.Id, "shoutIntoTheVoid", "escalation-uncaught")).ShouldBe(1);
        (await h.CountAsync(instance.Id, "shoutIntoTheVoid", "passed")).ShouldBe(1);
        await h.CompleteAsync(instance.Id, "close");
        await h.CompleteAsync(instance.Id, "audit");
        (await h.CompleteAsync(instance.Id, "informManager")).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task An_interrupting_escalation_boundary_event_ends_the_sub_process_it_sits_on(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAsync(ScenarioModel.Bytes("escalation-events"), "test");
        var instance = await h.StartAsync("escalations");

        var after = await h.CompleteAsync(instance.Id, "draft", new { needsSignoff = true });

        after.ActiveElementIds.ShouldBe(["informManager", "signOff"], ignoreOrder: true);
        (await h.CountAsync(instance.Id, "work", "interrupted")).ShouldBe(1);
        (await h.CountAsync(instance.Id, "requestAudit", "passed")).ShouldBe(0);
    }

    [Fact]
    public void An_escalation_boundary_event_on_a_task_and_a_throw_naming_no_escalation_are_refused()
    {
        var xml = ScenarioModel.Text("escalation-events")
            .Replace("""<bpmn:boundaryEvent id="signoffNeeded" attachedToRef="work">""", """<bpmn:boundaryEvent id="signoffNeeded" attachedToRef="close">""")
            .Replace("""<bpmn:escalationEventDefinition escalationRef="Escalation_nobody" />""", """<bpmn:escalationEventDefinition />""");

        var errors = Should.Throw<DefinitionInvalidException>(() => BpmnReader.Read(xml)).Errors;

        errors.ShouldContain(e => e.ElementId == "signoffNeeded" && e.Message.Contains("An escalation boundary event is not supported on userTask 'close'"));
        errors.ShouldContain(e => e.ElementId == "shoutIntoTheVoid" && e.Message.Contains("names no escalation"));
    }
}
