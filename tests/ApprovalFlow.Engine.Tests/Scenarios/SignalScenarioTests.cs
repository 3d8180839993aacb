using ApprovalFlow.Engine.Parsing;
using ApprovalFlow.Engine.Tests.Infrastructure;
using ApprovalFlow.Engine.Tests.Workflows;

namespace ApprovalFlow.Engine.Tests.Scenarios;

/// <summary>Signal events (throw and catch: intermediate, boundary, start; broadcast to every waiting catch), replayed from scenario models.</summary>
public class SignalScenarioTests
{
    private static async Task<EngineHarness> BroadcastHarnessAsync(StoreKind store)
    {
        var h = await EngineHarness.CreateAsync(store);
        (await h.Engine().DeployAllAsync(ScenarioModel.Bytes("signal-broadcast"), "test")).Count.ShouldBe(3);
        return h;
    }

    private static async Task<List<InstanceSnapshot>> InstancesOfAsync(EngineHarness h, string key)
    {
        var result = new List<InstanceSnapshot>();
        foreach (var id in h.Db().Set<Persistence.ProcessInstanceRecord>().Where(i => i.DefinitionKey == key).Select(i => i.Id).ToList())
            result.Add(await h.InstanceAsync(id));
        return result;
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_broadcast_reaches_every_waiting_catch_and_starts_every_signal_start(StoreKind store)
    {
        await using var h = await BroadcastHarnessAsync(store);
        var first = await h.StartAsync("signalReview", businessKey: "R-1");
        var second = await h.StartAsync("signalReview", businessKey: "R-2");

        var broadcast = await h.Engine().BroadcastSignalAsync("RulesChanged", EngineHarness.Vars(new { rulesVersion = 7 }));

        broadcast.Received.Select(r => r.Id).ShouldBe([first.Id, second.Id], ignoreOrder: true);
        broadcast.Started.ShouldHaveSingleItem().DefinitionKey.ShouldBe("signalChecklist");
        broadcast.Started[0].ActiveElementIds.ShouldBe(["updateChecklist"]);
        broadcast.Started[0].Variables["rulesVersion"]!.GetValue<int>().ShouldBe(7);
        foreach (var id in new[] { first.Id, second.Id })
        {
            var review = await h.InstanceAsync(id);
            review.ActiveElementIds.ShouldBe(["review", "noteChange"], ignoreOrder: true);
            review.Variables["rulesVersion"]!.GetValue<int>().ShouldBe(7);
        }

        // The non-interrupting catch stays armed: a second broadcast is received again.
        (await h.Engine().BroadcastSignalAsync("RulesChanged")).Received.Count.ShouldBe(2);
        (await h.TasksAsync(first.Id)).Count(t => t.ElementId == "noteChange").ShouldBe(2);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_broadcast_to_one_case_reaches_only_it_and_starts_nothing(StoreKind store)
    {
        await using var h = await BroadcastHarnessAsync(store);
        var first = await h.StartAsync("signalReview");
        var second = await h.StartAsync("signalReview");

        var broadcast = await h.Engine().BroadcastSignalAsync("Withdrawn", instanceId: first.Id);

        broadcast.Received.ShouldHaveSingleItem().Status.ShouldBe("completed");
        broadcast.Started.ShouldBeEmpty();
        (await h.InstanceAsync(second.Id)).ActiveElementIds.ShouldBe(["review"]);
        (await h.Engine().BroadcastSignalAsync("Withdrawn", instanceId: first.Id)).Received.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Signals_thrown_inside_a_case_are_broadcast_once_it_has_committed(StoreKind store)
    {
        await using var h = await BroadcastHarnessAsync(store);
        var review = await h.StartAsync("signalReview");
        var publisher = await h.StartAsync("signalPublisher");

        var published = await h.CompleteAsync(publisher.Id, "publish");

        published.Status.ShouldBe("completed");
        (await h.CountAsync(publisher.Id, "announce", "signal-thrown")).ShouldBe(1);
        (await h.CountAsync(publisher.Id, "withdrawAll", "signal-thrown")).ShouldBe(1);
        // RulesChanged first (a note, the review goes on), then Withdrawn (the review stops; the note stays).
        (await h.InstanceAsync(review.Id)).ActiveElementIds.ShouldBe(["noteChange"]);
        (await h.CountAsync(review.Id, "withdrawn", "signal-received")).ShouldBe(1);
        (await InstancesOfAsync(h, "signalChecklist")).ShouldHaveSingleItem().ActiveElementIds.ShouldBe(["updateChecklist"]);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task An_intermediate_signal_catch_waits_and_a_suspended_case_does_not_receive(StoreKind store)
    {
        await using var h = await BroadcastHarnessAsync(store);
        var open = await h.StartAsync("signalReview");
        var paused = await h.StartAsync("signalReview");
        await h.CompleteAsync(open.Id, "review");
        await h.CompleteAsync(paused.Id, "review");
        await h.Engine().SuspendInstanceAsync(paused.Id, "audit", "admin");

        var broadcast = await h.Engine().BroadcastSignalAsync("CallClosed");

        broadcast.Received.ShouldHaveSingleItem().Id.ShouldBe(open.Id);
        (await h.InstanceAsync(open.Id)).Status.ShouldBe("completed");
        (await h.InstanceAsync(paused.Id)).ActiveElementIds.ShouldBe(["callClosed"]);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_catch_waiting_in_the_throwing_case_receives_its_signal_one_that_comes_later_does_not(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAllAsync(ScenarioModel.Bytes("signal-within-a-case"), "test");

        var waited = await h.StartAsync("waitThenThrow");
        (await h.InstanceAsync(waited.Id)).ActiveElementIds.ShouldBe(["afterGo"]);

        var late = await h.StartAsync("throwThenWait");
        (await h.InstanceAsync(late.Id)).ActiveElementIds.ShouldBe(["which"]);
        // A signal from outside still reaches the catch after the event-based gateway, and withdraws the timer.
        (await h.Engine().BroadcastSignalAsync("Ready")).Received.ShouldHaveSingleItem().ActiveElementIds.ShouldBe(["afterReady"]);
        h.Clock.Advance(TimeSpan.FromDays(2));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_signal_a_called_case_throws_in_its_first_run_is_broadcast_too(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAllAsync(ScenarioModel.Bytes("signal-from-called-case"), "test");
        var watcher = await h.StartAsync("openingWatcher");

        var parent = await h.StartAsync("openingParent");

        parent.ActiveElementIds.ShouldBe(["openFile"]);
        (await h.InstanceAsync(watcher.Id)).ActiveElementIds.ShouldBe(["register"]);
    }

    [Fact]
    public void A_signal_event_naming_no_signal_is_refused()
    {
        var xml = ScenarioModel.Text("signal-within-a-case").Replace("""<bpmn:signalEventDefinition signalRef="Signal_go" /></bpmn:intermediateCatchEvent>""",
            """<bpmn:signalEventDefinition signalRef="Signal_nowhere" /></bpmn:intermediateCatchEvent>""");

        var errors = Should.Throw<DefinitionInvalidException>(() => BpmnReader.ReadAll(xml)).Errors;

        errors.ShouldContain(e => e.ElementId == "waitGo" && e.Message.Contains("signalRef 'Signal_nowhere' names no signal"));
    }
}
