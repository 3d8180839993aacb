using ApprovalFlow.Engine.Parsing;
using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using ApprovalFlow.Engine.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Engine.Tests.Scenarios;

/// <summary>
/// Event sub-processes (interrupting and not; message, timer, signal and error starts; escalation starts in EscalationScenarioTests), replayed from scenario models.
/// A running event sub-process shows among the active elements, as an embedded sub-process does.
/// </summary>
public class EventSubProcessScenarioTests
{
    private static async Task<EngineHarness> DeployedAsync(StoreKind store, string model)
    {
        var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAsync(ScenarioModel.Bytes(model), "test");
        return h;
    }

    private static Task<int> WaitsAsync(EngineHarness h, Guid instanceId) =>
        h.Db().Set<MessageSubscriptionRecord>().CountAsync(s => s.InstanceId == instanceId);

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Non_interrupting_message_starts_run_beside_the_case_and_an_interrupting_one_ends_everything_else(StoreKind store)
    {
        await using var h = await DeployedAsync(store, "event-subprocess-message");
        var instance = await h.StartAsync("espMessage", businessKey: "C-1");
        instance.ActiveElementIds.ShouldBe(["review"]);

        (await h.Engine().CorrelateMessageAsync("InfoRequested", "C-1", null, null)).ActiveElementIds.ShouldBe(["review", "onInfo", "answerInfo"], ignoreOrder: true);
        await h.Engine().CorrelateMessageAsync("InfoRequested", "C-1", null, null);
        (await h.OpenTaskElementsAsync(instance.Id)).Order().ShouldBe(["answerInfo", "answerInfo", "review"]);

        var cancelled = await h.Engine().CorrelateMessageAsync("CaseCancelled", "C-1", null, null);

        cancelled.ActiveElementIds.ShouldBe(["onCancel", "confirmCancel"]);
        (await h.OpenTaskElementsAsync(instance.Id)).ShouldBe(["confirmCancel"]);
        (await WaitsAsync(h, instance.Id)).ShouldBe(0); // the other start events are withdrawn
        await Should.ThrowAsync<MessageNotCorrelatedException>(() => h.Engine().CorrelateMessageAsync("InfoRequested", "C-1", null, null));
        (await h.CompleteAsync(instance.Id, "confirmCancel")).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_case_ends_when_its_flow_and_running_event_sub_processes_end_and_its_start_events_are_withdrawn(StoreKind store)
    {
        await using var h = await DeployedAsync(store, "event-subprocess-message");
        var instance = await h.StartAsync("espMessage", businessKey: "C-2");
        await h.Engine().CorrelateMessageAsync("InfoRequested", "C-2", null, null);

        (await h.CompleteAsync(instance.Id, "review")).ActiveElementIds.ShouldBe(["onInfo", "answerInfo"]);
        var done = await h.CompleteAsync(instance.Id, "answerInfo");

        done.Status.ShouldBe("completed");
        (await WaitsAsync(h, instance.Id)).ShouldBe(0);
        await Should.ThrowAsync<MessageNotCorrelatedException>(() => h.Engine().CorrelateMessageAsync("CaseCancelled", "C-2", null, null));
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Timer_starts_chase_on_a_cycle_and_escalate_by_interrupting_and_a_signal_start_runs_beside(StoreKind store)
    {
        await using var h = await DeployedAsync(store, "event-subprocess-timer-signal");
        var instance = await h.StartAsync("espTimer");
        (await h.Engine().BroadcastSignalAsync("RulesChanged")).Received.ShouldHaveSingleItem().ActiveElementIds.ShouldBe(["review", "onRules", "recheck"], ignoreOrder: true);

        for (var day = 1; day <= 2; day++)
        {
            h.Clock.Advance(TimeSpan.FromDays(1));
            (await h.Engine().FireDueTimersAsync()).ShouldBe(1);
        }
        (await h.OpenTaskElementsAsync(instance.Id)).Order().ShouldBe(["chase", "chase", "recheck", "review"]);
        (await h.Db().Set<TimerRecord>().CountAsync(t => t.InstanceId == instance.Id && t.Status == TimerStatus.Pending)).ShouldBe(1); // the cycle is used up

        h.Clock.Advance(TimeSpan.FromDays(3));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(1);

        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["overdue", "escalate"]);
        (await h.OpenTaskElementsAsync(instance.Id)).ShouldBe(["escalate"]);
        (await h.Engine().BroadcastSignalAsync("RulesChanged")).Received.ShouldBeEmpty();
        (await h.CompleteAsync(instance.Id, "escalate")).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task An_error_from_a_sub_process_is_caught_by_the_error_event_sub_process_of_the_process(StoreKind store)
    {
        await using var h = await DeployedAsync(store, "event-subprocess-error");
        var instance = await h.StartAsync("espError", businessKey: "E-1");
        // The note start is armed inside the running sub-process.
        (await h.Engine().CorrelateMessageAsync("NoteAdded", "E-1", null, null)).ActiveElementIds.ShouldBe(["check", "inspect", "onNote", "fileNote"], ignoreOrder: true);

        var caught = await h.CompleteAsync(instance.Id, "inspect", new { docsComplete = false });

        caught.ActiveElementIds.ShouldBe(["onMissingDocs", "requestDocs"]);
        (await h.OpenTaskElementsAsync(instance.Id)).ShouldBe(["requestDocs"]);
        (await WaitsAsync(h, instance.Id)).ShouldBe(0);
        (await h.CountAsync(instance.Id, "docsError", "error-caught")).ShouldBe(1);
        (await h.CompleteAsync(instance.Id, "requestDocs")).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_sub_process_that_ends_normally_withdraws_its_event_sub_process_starts(StoreKind store)
    {
        await using var h = await DeployedAsync(store, "event-subprocess-error");
        var instance = await h.StartAsync("espError", businessKey: "E-2");

        (await h.CompleteAsync(instance.Id, "inspect", new { docsComplete = true })).ActiveElementIds.ShouldBe(["archive"]);

        (await WaitsAsync(h, instance.Id)).ShouldBe(0);
        await Should.ThrowAsync<MessageNotCorrelatedException>(() => h.Engine().CorrelateMessageAsync("NoteAdded", "E-2", null, null));
        (await h.CompleteAsync(instance.Id, "archive")).Status.ShouldBe("completed");
    }

    private sealed class ScreeningHandler : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
            context.Variables["applicant"]!.GetValue<string>() == "blacklisted"
                ? throw new BpmnErrorException("BLACKLISTED")
                : ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_handler_business_error_is_caught_by_a_catch_all_error_event_sub_process(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store, s => s.AddServiceTaskHandler<ScreeningHandler>("screenApplicant"));
        await h.Engine().DeployAsync(ScenarioModel.Bytes("event-subprocess-handler-error"), "test");

        var fine = await h.StartAsync("espHandlerError", new { applicant = "acme" });
        fine.ActiveElementIds.ShouldBe(["prepare", "join"], ignoreOrder: true);

        var refused = await h.StartAsync("espHandlerError", new { applicant = "blacklisted" });
        refused.ActiveElementIds.ShouldBe(["onAnyError", "reject"]);
        (await h.OpenTaskElementsAsync(refused.Id)).ShouldBe(["reject"]);
        (await h.CountAsync(refused.Id, "anyError", "error-caught")).ShouldBe(1);
        (await h.CompleteAsync(refused.Id, "reject")).Status.ShouldBe("completed");
    }

    private static string Model(string eventSubProcess) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <message id="m" name="M" />
          <escalation id="esc" escalationCode="LATE" />
          <process id="p" isExecutable="true">
            <startEvent id="s" /><userTask id="t" /><endEvent id="e" />
            <sequenceFlow id="f1" sourceRef="s" targetRef="t" /><sequenceFlow id="f2" sourceRef="t" targetRef="e" />
            {eventSubProcess}
          </process>
        </definitions>
        """;

    [Theory]
    [InlineData("""<subProcess id="x" triggeredByEvent="true"><startEvent id="xs" /><endEvent id="xe" /><sequenceFlow id="xf" sourceRef="xs" targetRef="xe" /></subProcess>""", "xs", "not a none start event")]
    [InlineData("""<subProcess id="x" triggeredByEvent="true"><startEvent id="xs" isInterrupting="false"><errorEventDefinition /></startEvent><endEvent id="xe" /><sequenceFlow id="xf" sourceRef="xs" targetRef="xe" /></subProcess>""", "xs", "always interrupts")]
    [InlineData("""<subProcess id="x" triggeredByEvent="true"><startEvent id="xs"><conditionalEventDefinition><condition>${late}</condition></conditionalEventDefinition></startEvent><endEvent id="xe" /><sequenceFlow id="xf" sourceRef="xs" targetRef="xe" /></subProcess>""", "xs", "'conditionalEventDefinition' is not in the engine's BPMN subset")]
    [InlineData("""<subProcess id="x" triggeredByEvent="true"><startEvent id="xs"><messageEventDefinition messageRef="m" /></startEvent><startEvent id="xs2"><messageEventDefinition messageRef="m" /></startEvent><endEvent id="xe" /><sequenceFlow id="xf" sourceRef="xs" targetRef="xe" /><sequenceFlow id="xf2" sourceRef="xs2" targetRef="xe" /></subProcess>""", "x", "exactly one start event")]
    [InlineData("""<subProcess id="x" triggeredByEvent="true"><startEvent id="xs"><messageEventDefinition messageRef="m" /></startEvent><endEvent id="xe" /><sequenceFlow id="xf" sourceRef="xs" targetRef="xe" /></subProcess><sequenceFlow id="into" sourceRef="t" targetRef="x" />""", "x", "no incoming or outgoing sequence flows")]
    public void An_event_sub_process_the_engine_cannot_run_is_refused(string eventSubProcess, string id, string says)
    {
        var errors = Should.Throw<DefinitionInvalidException>(() => BpmnReader.Read(Model(eventSubProcess))).Errors;

        errors.ShouldContain(e => e.ElementId == id && e.Message.Contains(says), string.Join("; ", errors));
    }
}
