using System.Text.Json.Nodes;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Engine.Runtime;

/// <summary>
/// One transition of one instance: moves tokens until every token rests at a wait state, recording
/// tasks, timers, subscriptions and history in the DbContext. The caller saves everything in one transaction.
/// Single-threaded by design; see docs/engine-semantics.md.
/// </summary>
internal sealed partial class Execution
{
    private readonly ProcessModel model;
    private readonly ProcessInstanceRecord instance;
    private readonly ExecutionState state;
    private readonly DbContext db;
    private readonly EngineServices services;
    private readonly DateTime now;
    private readonly string? actor;
    private readonly Queue<Token> agenda = new();
    private readonly List<HumanTaskRecord> openTasks;
    private readonly List<TimerRecord> pendingTimers;
    private readonly List<MessageSubscriptionRecord> subscriptions;
    private readonly List<ElementInstanceRecord> openElements;

    public JsonObject Variables { get; }
    /// <summary>The element events of this transition, in order (for the host's transition observers).</summary>
    public List<ElementEvent> Events { get; } = [];
    /// <summary>The instance-level events of this transition (instance-started, instance-migrated, instance-cancelled, ...).</summary>
    public List<string> InstanceEvents { get; } = [];
    /// <summary>Whether this transition started the instance.</summary>
    public bool Started { get; private set; }

    /// <summary>What this transition did, for the host's observers; call after <see cref="Flush"/>.</summary>
    public TransitionReport Report() => new(instance.Id, instance.DefinitionId, instance.DefinitionKey, instance.DefinitionVersion,
        instance.BusinessKey, actor, now, Started, instance.Status.ToString().ToLowerInvariant(), instance.IsSuspended, Events, InstanceEvents,
        openTasks.Select(t => new OpenTaskInfo(t.Id, t.ElementId, model.Nodes.TryGetValue(t.ElementId, out var n) ? n.Extensions : EmptyExtensions,
            (t.CandidateGroups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))).ToList(),
        ActiveTokens.OrderBy(t => t.Seq).Select(t => t.ElementId).Distinct().ToList(), Variables);

    private static readonly IReadOnlyDictionary<string, string> EmptyExtensions = new Dictionary<string, string>();
    public List<TimerRecord> NewTimers { get; } = [];
    /// <summary>Subscriptions created in this transition, in order.</summary>
    public List<Guid> NewSubscriptionIds { get; } = [];
    /// <summary>
    /// Signals thrown in this transition, broadcast once it has committed. Each names the subscriptions this transition
    /// created after the throw: they were not waiting when it was thrown, so they do not receive it.
    /// </summary>
    public List<(string Name, IReadOnlyList<Guid> NotYetWaiting)> ThrownSignals { get; } = [];
    private readonly List<(string Name, int From)> thrown = [];

    /// <summary>The thrown signals with the subscriptions each must skip; call once the transition is done.</summary>
    public void SealThrownSignals()
    {
        foreach (var (name, from) in thrown) ThrownSignals.Add((name, NewSubscriptionIds.Skip(from).ToList()));
        thrown.Clear();
    }

    /// <summary>
    /// Throws a signal. A broadcast one is noted, to go out once the transition has committed. One marked
    /// <c>af:scope="instance"</c> is delivered at once to every catch of this instance waiting for it when it is thrown
    /// (in the order they began to wait); catches armed later in this transition miss it.
    /// </summary>
    /// <returns>Whether the throwing token still stands (a catch the signal reached may have interrupted its scope).</returns>
    private bool ThrowSignal(FlowNode node, Token token)
    {
        History(node, token, "signal-thrown", null, node.SignalName);
        if (!node.ThrowsWithinInstance)
        {
            thrown.Add((node.SignalName!, NewSubscriptionIds.Count));
            return true;
        }
        var name = node.SubscriptionName;
        var seqOf = state.Tokens.ToDictionary(t => t.Id, t => t.Seq);
        var waiting = subscriptions.Where(s => s.MessageName == name)
            .OrderBy(s => s.CreatedAt).ThenBy(s => seqOf.GetValueOrDefault(s.TokenId, long.MaxValue)).ToList();
        foreach (var subscription in waiting)
        {
            // An earlier catch of this signal may have interrupted the activity (or scope) this one waits in.
            if (!subscriptions.Contains(subscription) || state.Tokens.All(t => t.Id != subscription.TokenId)) continue;
            Trigger(subscription.TokenId, subscription.ElementId, "signal-received", null);
        }
        return state.Tokens.Contains(token);
    }

    public Execution(ProcessModel model, ProcessInstanceRecord instance, DbContext db, EngineServices services, DateTime now, string? actor,
        List<HumanTaskRecord> openTasks, List<TimerRecord> pendingTimers, List<MessageSubscriptionRecord> subscriptions,
        List<ElementInstanceRecord>? openElements = null, ExecutionState? state = null)
    {
        this.openElements = openElements ?? [];
        this.model = model;
        this.instance = instance;
        this.db = db;
        this.services = services;
        this.now = now;
        this.actor = actor;
        this.openTasks = openTasks;
        this.pendingTimers = pendingTimers;
        this.subscriptions = subscriptions;
        this.state = state ?? ExecutionState.FromJson(instance.StateJson);
        Variables = JsonNode.Parse(string.IsNullOrWhiteSpace(instance.VariablesJson) ? "{}" : instance.VariablesJson) as JsonObject ?? [];
    }

    public IReadOnlyList<Token> Tokens => state.Tokens;

    /// <summary>The tokens that stand for work (not the listeners of event sub-processes): what a snapshot shows.</summary>
    public IEnumerable<Token> ActiveTokens => state.Tokens.Where(t => !t.IsListener);

    internal ExecutionState State => state;

    public void MergeVariables(JsonObject? variables)
    {
        if (variables is null) return;
        foreach (var (name, value) in variables)
            Variables[name] = value?.DeepClone();
    }

    /// <summary>Writes tokens and variables back to the instance row and bumps its revision.</summary>
    public void Flush()
    {
        instance.StateJson = state.ToJson();
        instance.VariablesJson = Variables.ToJsonString();
        instance.Revision++;
    }

    public async Task StartAsync(CancellationToken ct, FlowNode? startEvent = null)
    {
        Started = true;
        History(null, null, "instance-started", null, instance.BusinessKey);
        var start = startEvent ?? model.Root.Start
            ?? throw new ExecutionException(model.Key, $"The process starts only by message or signal ({string.Join(", ", model.Root.MessageStarts.Select(m => m.MessageName).Concat(model.Root.SignalStarts.Select(s => "signal " + s.SignalName)))}).");
        ArmEventSubProcesses(model.Root, null);
        Enter(NewToken(null), start, null);
        await RunAsync(ct);
    }

    public async Task CompleteTaskAsync(HumanTaskRecord task, CancellationToken ct)
    {
        var token = state.Tokens.FirstOrDefault(t => t.Id == task.TokenId)
            ?? throw new ExecutionException(task.ElementId, "The task's token is gone; the instance state is inconsistent.");
        task.Status = HumanTaskStatus.Completed;
        task.EndedAt = now;
        task.CompletedBy = actor;
        openTasks.Remove(task);
        var node = model.Node(task.ElementId);
        History(node, token, "completed", actor, null);
        ReleaseWaits(token);
        Leave(token, node);
        await RunAsync(ct);
    }

    /// <summary>Fires a timer or delivers a message at the event it belongs to.</summary>
    /// <param name="firedTimer">The timer that fired, if a timer did: a non-interrupting cycle arms its next repetition from it.</param>
    public async Task TriggerEventAsync(Guid tokenId, string eventElementId, string what, CancellationToken ct, TimerRecord? firedTimer = null)
    {
        Trigger(tokenId, eventElementId, what, firedTimer);
        await RunAsync(ct);
    }

    /// <summary>An event fires for the token waiting on it: the token (or one spawned beside it) moves on; the agenda runs it later.</summary>
    private void Trigger(Guid tokenId, string eventElementId, string what, TimerRecord? firedTimer)
    {
        var node = model.Node(eventElementId);
        var token = state.Tokens.FirstOrDefault(t => t.Id == tokenId)
            ?? throw new ExecutionException(eventElementId, "The event's token is gone; the instance state is inconsistent.");
        if (token.IsListener)
            FireEventSubProcess(token, node, what, firedTimer);
        else if (node.Kind == NodeKind.BoundaryEvent)
        {
            var activity = node.AttachedTo!;
            if (node.CancelActivity) RemoveToken(token, "interrupted");
            else if (firedTimer is not null && node.Timer?.Kind == TimerKind.Cycle
                     && node.Timer.CycleFor(ScopeVariables(token)).RepeatsAfter(Math.Max(1, firedTimer.Attempt)))
                CreateTimer(token, node, firedTimer);
            var spawned = NewToken(token.ScopeId);
            spawned.ElementId = node.Id;
            History(node, spawned, what, actor, null);
            Leave(spawned, node);
        }
        else
        {
            // A token at an event-based gateway: the first event wins, the others are withdrawn with the gateway.
            if (token.ElementId != node.Id) History(model.Node(token.ElementId), token, "completed", actor, $"by {node.Id}");
            History(node, token, what, actor, null);
            ReleaseWaits(token);
            Leave(token, node);
        }
    }

    private Token NewToken(Guid? scopeId)
    {
        var token = new Token { Id = Guid.NewGuid(), ElementId = "", ScopeId = scopeId, Seq = state.NextSeq++ };
        state.Tokens.Add(token);
        return token;
    }

    private void Enter(Token token, FlowNode node, SequenceFlow? via)
    {
        token.ElementId = node.Id;
        token.ArrivedVia = via?.Id;
        token.Seq = state.NextSeq++;
        agenda.Enqueue(token);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var steps = 0;
        while (true)
        {
            while (agenda.TryDequeue(out var token))
            {
                if (!state.Tokens.Contains(token)) continue; // removed meanwhile (terminate, interrupt)
                if (++steps > services.Options.MaxStepsPerTransition)
                    throw new ExecutionException(token.ElementId, $"More than {services.Options.MaxStepsPerTransition} steps in one transition; the model loops without a wait state.");
                await ExecuteAsync(token, model.Node(token.ElementId), ct);
            }
            // An inclusive join may become ready only once other tokens have come to rest or vanished.
            if (!FireReadyInclusiveJoins()) break;
        }
        if (instance.Status == InstanceStatus.Running && state.Tokens.All(t => t.IsListener))
        {
            // Only event sub-processes' start events still wait: nothing is left to interrupt, the case is done.
            foreach (var listener in state.Tokens.ToList()) RemoveToken(listener, null);
            instance.Status = InstanceStatus.Completed;
            instance.EndedAt = now;
            History(null, null, "instance-completed", actor, null);
        }
    }

    private async Task ExecuteAsync(Token token, FlowNode node, CancellationToken ct)
    {
        switch (node.Kind)
        {
            case NodeKind.IntermediateThrowEvent or NodeKind.EndEvent when node.Trigger == EventTrigger.Message:
                // A message throw sends through its handler, as a send task does; an end event then ends its token.
                History(node, token, "started", null, null);
                await RunServiceTaskAsync(token, node, attempt: 1, ct);
                break;
            case NodeKind.IntermediateThrowEvent when node.Trigger == EventTrigger.Escalation:
                if (ThrowEscalation(token, node))
                {
                    History(node, token, "passed", null, null);
                    Leave(token, node);
                }
                break;
            case NodeKind.EndEvent when node.Trigger == EventTrigger.Escalation:
                History(node, token, "reached", null, null);
                if (ThrowEscalation(token, node))
                {
                    RemoveToken(token, null);
                    CompleteScopeIfEmpty(token.ScopeId);
                }
                break;
            case NodeKind.IntermediateThrowEvent when node.Trigger == EventTrigger.Signal:
                if (!ThrowSignal(node, token)) break; // its own signal interrupted the scope it stood in
                History(node, token, "passed", null, null);
                Leave(token, node);
                break;
            case NodeKind.IntermediateThrowEvent when node.LinkTarget is { } link:
                History(node, token, "passed", null, null);
                Enter(token, link, null);
                break;
            case NodeKind.IntermediateCatchEvent when node.Trigger == EventTrigger.Link:
            case NodeKind.StartEvent:
            case NodeKind.IntermediateThrowEvent:
            case NodeKind.PassThroughTask:
                History(node, token, "passed", null, null);
                Leave(token, node);
                break;
            case NodeKind.ReceiveTask:
                History(node, token, "started", null, null);
                CreateSubscription(token, node);
                AttachBoundaryEvents(token, node);
                break;
            case NodeKind.EndEvent:
                History(node, token, "reached", null, null);
                if (node.Trigger == EventTrigger.Signal && !ThrowSignal(node, token)) break; // interrupted by its own signal
                if (node.Trigger == EventTrigger.Terminate) Terminate(token);
                else if (node.Trigger == EventTrigger.Error) ThrowError(token, node.ErrorCode, node.Id);
                else
                {
                    RemoveToken(token, null);
                    CompleteScopeIfEmpty(token.ScopeId);
                }
                break;
            case NodeKind.UserTask when node.MultiInstance is not null && !IsInnerInstance(token, node):
                StartMultiInstance(token, node);
                break;
            case NodeKind.UserTask:
                History(node, token, "started", null, null);
                CreateTask(token, node);
                if (!IsInnerInstance(token, node)) AttachBoundaryEvents(token, node);
                break;
            case NodeKind.CallActivity or NodeKind.SubProcess when node.MultiInstance is not null && !IsInnerInstance(token, node):
                StartMultiInstance(token, node);
                break;
            case NodeKind.CallActivity:
                History(node, token, "started", null, null);
                if (!IsInnerInstance(token, node)) AttachBoundaryEvents(token, node);
                await StartCalledInstanceAsync(token, node, ct);
                break;
            case NodeKind.EventBasedGateway:
                History(node, token, "waiting", null, null);
                foreach (var target in node.Outgoing.Select(f => f.Target))
                {
                    if (target.Trigger == EventTrigger.Timer) CreateTimer(token, target);
                    else CreateSubscription(token, target);
                }
                break;
            case NodeKind.ServiceTask:
                History(node, token, "started", null, null);
                await RunServiceTaskAsync(token, node, attempt: 1, ct);
                break;
            case NodeKind.SubProcess:
                History(node, token, "started", null, null);
                if (!IsInnerInstance(token, node)) AttachBoundaryEvents(token, node);
                ArmEventSubProcesses(node.Inner!, token.Id);
                var inner = node.Inner!.Start ?? throw new ExecutionException(node.Id, "The sub-process has no start event.");
                Enter(NewToken(token.Id), inner, null);
                break;
            case NodeKind.IntermediateCatchEvent:
                History(node, token, "waiting", null, null);
                if (node.Trigger == EventTrigger.Timer) CreateTimer(token, node);
                else CreateSubscription(token, node);
                break;
            case NodeKind.ExclusiveGateway:
                History(node, token, "passed", null, null);
                Move(token, ChooseExclusive(node));
                break;
            case NodeKind.ParallelGateway:
                if (node.Incoming.Count <= 1) ForkAll(token, node, node.Outgoing);
                else FireParallelJoins(node, token.ScopeId);
                break;
            case NodeKind.InclusiveGateway:
                if (node.Incoming.Count <= 1) ForkAll(token, node, ChooseInclusive(node));
                // else: the token waits; FireReadyInclusiveJoins decides once the agenda is empty.
                break;
            case NodeKind.BoundaryEvent:
                Leave(token, node);
                break;
        }
    }


    /// <summary>Leaves an activity or event: every unconditional flow, every conditional flow that holds, else the default.</summary>
    private void Leave(Token token, FlowNode node)
    {
        if (IsInnerInstance(token, node))
        {
            CompleteInnerInstance(token, node);
            return;
        }
        if (node.Outgoing.Count == 0)
        {
            RemoveToken(token, null);
            CompleteScopeIfEmpty(token.ScopeId);
            return;
        }
        if (node.Outgoing.Count == 1 && node.Outgoing[0].Condition is null)
        {
            Move(token, node.Outgoing[0]);
            return;
        }
        ForkAll(token, node, ChooseInclusive(node));
    }

    private void Move(Token token, SequenceFlow flow) => Enter(token, flow.Target, flow);

    private void ForkAll(Token token, FlowNode node, IReadOnlyList<SequenceFlow> flows, bool logged = false)
    {
        if (!logged) History(node, token, flows.Count > 1 ? "forked" : "passed", null, null);
        if (flows.Count == 0)
        {
            RemoveToken(token, null);
            CompleteScopeIfEmpty(token.ScopeId);
            return;
        }
        Move(token, flows[0]);
        foreach (var flow in flows.Skip(1))
            Move(NewToken(token.ScopeId), flow);
    }

    private SequenceFlow ChooseExclusive(FlowNode node)
    {
        if (node.Outgoing.Count == 1 && node.Outgoing[0].Condition is null) return node.Outgoing[0];
        foreach (var flow in node.Outgoing)
            if (flow != node.DefaultFlow && (flow.Condition is null || Holds(flow)))
                return flow;
        return node.DefaultFlow
            ?? throw new ExecutionException(node.Id, "No outgoing flow's condition holds and the gateway has no default flow.");
    }

    private List<SequenceFlow> ChooseInclusive(FlowNode node)
    {
        var chosen = node.Outgoing.Where(f => f != node.DefaultFlow && (f.Condition is null || Holds(f))).ToList();
        if (chosen.Count > 0) return chosen;
        if (node.DefaultFlow is not null) return [node.DefaultFlow];
        throw new ExecutionException(node.Id, "No outgoing flow's condition holds and there is no default flow.");
    }

    private bool Holds(SequenceFlow flow)
    {
        try
        {
            return flow.Condition!.EvaluateBoolean(Variables);
        }
        catch (Expressions.ExpressionEvaluationException ex)
        {
            throw new ExecutionException(flow.Id, $"Condition {flow.Condition!.Text} cannot be evaluated: {ex.Message}");
        }
    }
}
