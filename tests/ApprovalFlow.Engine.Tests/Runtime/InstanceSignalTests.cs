using ApprovalFlow.Engine.Parsing;
using ApprovalFlow.Engine.Tests.Infrastructure;
using ApprovalFlow.Engine.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

/// <summary>
/// Signal throws marked af:scope="instance": delivered at once, inside the throwing transition, to the catches of the same
/// instance only (top level or in any sub-process); no broadcast to other cases, no signal start.
/// </summary>
public class InstanceSignalTests
{
    private const string Signals = """
        <signal id="Signal_landApproved" name="土地已批准" />
        <signal id="Signal_landRejected" name="土地已驳回" />
        """;

    /// <summary>
    /// Three steps, each an embedded sub-process. The land step throws "approved" (intermediate throw) or "rejected"
    /// (end event), both within its case. Planning waits behind an event-based gateway for either; the permit step waits
    /// for "approved" at an intermediate catch after its own preparation, and is interrupted by "rejected" at a boundary event.
    /// </summary>
    private static readonly string Model = Process("scopedSignals", $"""
        <startEvent id="start" />
        <parallelGateway id="fork" />
        <subProcess id="land">
          <startEvent id="landStart" />
          <userTask id="landAccept" />
          <exclusiveGateway id="landDecision" default="toRejected" />
          <intermediateThrowEvent id="landApproved" af:scope="instance"><signalEventDefinition signalRef="Signal_landApproved" /></intermediateThrowEvent>
          <endEvent id="landEnd" />
          <endEvent id="landRejected" af:scope="instance"><signalEventDefinition signalRef="Signal_landRejected" /></endEvent>
          {Flow("l1", "landStart", "landAccept")}{Flow("l2", "landAccept", "landDecision")}
          {Flow("toApproved", "landDecision", "landApproved", "${approved}")}{Flow("toRejected", "landDecision", "landRejected")}
          {Flow("l3", "landApproved", "landEnd")}
        </subProcess>
        <subProcess id="planning">
          <startEvent id="planStart" />
          <eventBasedGateway id="planWait" />
          <intermediateCatchEvent id="planGo"><signalEventDefinition signalRef="Signal_landApproved" /></intermediateCatchEvent>
          <intermediateCatchEvent id="planStop"><signalEventDefinition signalRef="Signal_landRejected" /></intermediateCatchEvent>
          <userTask id="planReview" />
          <endEvent id="planEnd" /><endEvent id="planStopped" />
          {Flow("p1", "planStart", "planWait")}{Flow("p2", "planWait", "planGo")}{Flow("p3", "planWait", "planStop")}
          {Flow("p4", "planGo", "planReview")}{Flow("p5", "planReview", "planEnd")}{Flow("p6", "planStop", "planStopped")}
        </subProcess>
        <subProcess id="permit">
          <startEvent id="permitStart" />
          <userTask id="permitPrep" />
          <intermediateCatchEvent id="permitWait"><signalEventDefinition signalRef="Signal_landApproved" /></intermediateCatchEvent>
          <userTask id="permitReview" />
          <endEvent id="permitEnd" />
          {Flow("q1", "permitStart", "permitPrep")}{Flow("q2", "permitPrep", "permitWait")}{Flow("q3", "permitWait", "permitReview")}{Flow("q4", "permitReview", "permitEnd")}
        </subProcess>
        <boundaryEvent id="permitStopped" attachedToRef="permit"><signalEventDefinition signalRef="Signal_landRejected" /></boundaryEvent>
        <inclusiveGateway id="join" />
        <endEvent id="end" />
        {Flow("a", "start", "fork")}{Flow("b", "fork", "land")}{Flow("c", "fork", "planning")}{Flow("d", "fork", "permit")}
        {Flow("e", "land", "join")}{Flow("f", "planning", "join")}{Flow("g", "permit", "join")}{Flow("h", "permitStopped", "join")}
        {Flow("z", "join", "end")}
        """, Signals);

    /// <summary>A second definition that a broadcast of "土地已批准" would start (an instance-scoped throw must not).</summary>
    private static readonly string Starter = Process("startedBySignal", $"""
        <startEvent id="s"><signalEventDefinition signalRef="Signal_landApproved" /></startEvent>
        <userTask id="t" /><endEvent id="e" />
        {Flow("f1", "s", "t")}{Flow("f2", "t", "e")}
        """, Signals);

    private static async Task<EngineHarness> HarnessAsync(StoreKind store, Action<IServiceCollection>? configure = null)
    {
        var h = await EngineHarness.CreateAsync(store, configure);
        await h.DeployAsync(Model);
        await h.DeployAsync(Starter);
        return h;
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_throw_reaches_only_its_own_case_inside_the_same_transition(StoreKind store)
    {
        await using var h = await HarnessAsync(store);
        var mine = await h.StartAsync("scopedSignals", businessKey: "C-1");
        var other = await h.StartAsync("scopedSignals", businessKey: "C-2");
        await h.CompleteAsync(mine.Id, "permitPrep");
        await h.CompleteAsync(other.Id, "permitPrep");

        var after = await h.CompleteAsync(mine.Id, "landAccept", new { approved = true });

        // The catch behind the event-based gateway in the sibling sub-process and the intermediate catch in the third one
        // received it in the completing transition itself: the snapshot it returns already shows their effects.
        after.ActiveElementIds.ShouldBe(["planning", "permit", "join", "planReview", "permitReview"], ignoreOrder: true);
        (await h.CountAsync(mine.Id, "landApproved", "signal-thrown")).ShouldBe(1);
        (await h.CountAsync(mine.Id, "planGo", "signal-received")).ShouldBe(1);
        (await h.CountAsync(mine.Id, "permitWait", "signal-received")).ShouldBe(1);
        (await h.CountAsync(mine.Id, "planStop", "signal-received")).ShouldBe(0);

        // The other case of the same model heard nothing; no case was started by the signal.
        (await h.InstanceAsync(other.Id)).ActiveElementIds.ShouldBe(["land", "planning", "permit", "landAccept", "planWait", "permitWait"], ignoreOrder: true);
        (await h.Db().Set<Persistence.ProcessInstanceRecord>().CountAsync(i => i.DefinitionKey == "startedBySignal")).ShouldBe(0);

        // The catches' rows are closed; the case runs to its end.
        var visits = await h.Engine().GetElementHistoryAsync(mine.Id);
        visits.Single(v => v.ElementId == "permitWait").Outcome.ShouldBe("signal-received");
        await h.CompleteAsync(mine.Id, "planReview");
        (await h.CompleteAsync(mine.Id, "permitReview")).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task An_end_event_throw_takes_the_other_branch_of_an_event_based_gateway_and_fires_a_boundary_catch(StoreKind store)
    {
        await using var h = await HarnessAsync(store);
        var mine = await h.StartAsync("scopedSignals");
        var other = await h.StartAsync("scopedSignals");

        var after = await h.CompleteAsync(mine.Id, "landAccept", new { approved = false });

        // Planning took its "rejected" catch and ended; the permit step was interrupted by its boundary event; the inclusive join fired.
        after.Status.ShouldBe("completed");
        (await h.CountAsync(mine.Id, "landRejected", "signal-thrown")).ShouldBe(1);
        (await h.CountAsync(mine.Id, "planStop", "signal-received")).ShouldBe(1);
        (await h.CountAsync(mine.Id, "planGo", "signal-received")).ShouldBe(0);
        (await h.CountAsync(mine.Id, "permitStopped", "signal-received")).ShouldBe(1);
        (await h.CountAsync(mine.Id, "permit", "interrupted")).ShouldBe(1);
        (await h.TasksAsync(mine.Id)).ShouldBeEmpty();

        (await h.InstanceAsync(other.Id)).ActiveElementIds.ShouldBe(["land", "planning", "permit", "landAccept", "planWait", "permitPrep"], ignoreOrder: true);
        h.Db().Set<Persistence.MessageSubscriptionRecord>().Count(s => s.InstanceId == mine.Id).ShouldBe(0);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_catch_that_is_not_yet_waiting_misses_the_signal(StoreKind store)
    {
        await using var h = await HarnessAsync(store);
        var instance = await h.StartAsync("scopedSignals");

        await h.CompleteAsync(instance.Id, "landAccept", new { approved = true }); // the permit step is still preparing
        var later = await h.CompleteAsync(instance.Id, "permitPrep");

        later.ActiveElementIds.ShouldBe(["planning", "permit", "join", "planReview", "permitWait"], ignoreOrder: true);
        (await h.CountAsync(instance.Id, "permitWait", "signal-received")).ShouldBe(0);
        // It waits for the next one: a signal from outside to this case still reaches it.
        (await h.Engine().BroadcastSignalAsync("土地已批准", instanceId: instance.Id)).Received.ShouldHaveSingleItem()
            .ActiveElementIds.ShouldContain("permitReview");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_catch_armed_later_in_the_throwing_transition_misses_it(StoreKind store)
    {
        // The throw comes first on its path; the catch after the parallel split is armed after it in the same transition.
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(Process("throwFirst", $"""
            <startEvent id="start" /><userTask id="go" />
            <intermediateThrowEvent id="shout" af:scope="instance"><signalEventDefinition signalRef="Signal_landApproved" /></intermediateThrowEvent>
            <intermediateCatchEvent id="listen"><signalEventDefinition signalRef="Signal_landApproved" /></intermediateCatchEvent>
            <endEvent id="end" />
            {Flow("f1", "start", "go")}{Flow("f2", "go", "shout")}{Flow("f3", "shout", "listen")}{Flow("f4", "listen", "end")}
            """, Signals));
        var instance = await h.StartAsync("throwFirst");

        var after = await h.CompleteAsync(instance.Id, "go");

        after.ActiveElementIds.ShouldBe(["listen"]);
        (await h.CountAsync(instance.Id, "listen", "signal-received")).ShouldBe(0);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task An_observer_sees_the_throw_and_the_catches_effects_in_one_report(StoreKind store)
    {
        var reports = new List<TransitionReport>();
        await using var h = await HarnessAsync(store, s => s.AddSingleton<ITransitionObserver>(new Recorder(reports)));
        var mine = await h.StartAsync("scopedSignals");
        var other = await h.StartAsync("scopedSignals");
        reports.Clear();

        await h.CompleteAsync(mine.Id, "landAccept", new { approved = true });

        var report = reports.ShouldHaveSingleItem(); // one transition, one case: no broadcast moved the other
        report.InstanceId.ShouldBe(mine.Id);
        var events = report.Events.Select(e => (e.ElementId, e.Event)).ToList();
        events.ShouldContain(("landApproved", "signal-thrown"));
        events.ShouldContain(("planGo", "signal-received"));
        events.ShouldContain(("planReview", "started"));
        events.IndexOf(("landApproved", "signal-thrown")).ShouldBeLessThan(events.IndexOf(("planGo", "signal-received")));
        report.Events.Single(e => e.ElementId == "planGo").Reached.ShouldBeTrue();
        report.OpenTasks.Select(t => t.ElementId).ShouldBe(["permitPrep", "planReview"], ignoreOrder: true);
        (await h.InstanceAsync(other.Id)).ActiveElementIds.ShouldContain("planWait");
    }

    private sealed class Recorder(List<TransitionReport> reports) : ITransitionObserver
    {
        public Task OnTransitionAsync(TransitionReport report, CancellationToken ct)
        {
            lock (reports) reports.Add(report);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public void A_signal_scope_other_than_instance_is_refused()
    {
        var xml = Model.Replace("""<intermediateThrowEvent id="landApproved" af:scope="instance">""", """<intermediateThrowEvent id="landApproved" af:scope="case">""");

        var errors = Should.Throw<DefinitionInvalidException>(() => BpmnReader.ReadAll(xml)).Errors;

        errors.ShouldContain(e => e.ElementId == "landApproved" && e.Message.Contains("af:scope"));
    }

    [Fact]
    public void A_signal_scope_on_the_event_definition_is_refused_rather_than_broadcast()
    {
        // Written on the definition, the scope would be ignored and the signal broadcast to every case.
        var xml = Model.Replace("""<intermediateThrowEvent id="landApproved" af:scope="instance"><signalEventDefinition signalRef="Signal_landApproved" />""",
            """<intermediateThrowEvent id="landApproved"><signalEventDefinition signalRef="Signal_landApproved" af:scope="instance" />""");
        xml.ShouldNotBe(Model);

        var errors = Should.Throw<DefinitionInvalidException>(() => BpmnReader.ReadAll(xml)).Errors;

        errors.ShouldContain(e => e.Message.Contains("af:scope belongs on the event 'landApproved'"));
    }

    [Fact]
    public void The_parser_marks_the_throw_as_instance_scoped()
    {
        var model = BpmnReader.Read(Model);

        model.Nodes["landApproved"].ThrowsWithinInstance.ShouldBeTrue();
        model.Nodes["landRejected"].ThrowsWithinInstance.ShouldBeTrue();
        model.Nodes["planGo"].ThrowsWithinInstance.ShouldBeFalse();
    }
}
