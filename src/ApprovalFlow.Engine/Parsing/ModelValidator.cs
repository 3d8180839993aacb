using ApprovalFlow.Engine.Model;

namespace ApprovalFlow.Engine.Parsing;

/// <summary>Graph checks on a read model: starts and ends, reachability, gateway conditions, deadlocks.</summary>
internal static class ModelValidator
{
    /// <param name="processLine">Where the process element stands, for errors about the process itself.</param>
    /// <param name="flowsWithRefusedCondition">Flows whose condition the reader already refused: not reported again as condition-less.</param>
    public static void Validate(ProcessModel model, List<ValidationError> errors, int? processLine = null,
        IReadOnlySet<string>? flowsWithRefusedCondition = null)
    {
        void Error(FlowNode n, string message) => errors.Add(new(n.Id, n.ElementType, n.Line, message));
        void FlowError(SequenceFlow f, string message) => errors.Add(new(f.Id, "sequenceFlow", f.Line, message));
        var refusedConditions = flowsWithRefusedCondition ?? new HashSet<string>();

        foreach (var scope in Scopes(model.Root))
        {
            if (scope.Owner?.Kind == NodeKind.EventSubProcess)
            {
                CheckEventSubProcessStart(scope, Error);
                foreach (var n in scope.Nodes) CheckNode(n, Error, FlowError, refusedConditions);
                CheckLinks(scope, Error);
                CheckReachability(scope, Error);
                continue;
            }
            var starts = scope.Nodes.Where(n => n.Kind == NodeKind.StartEvent && n.Trigger == EventTrigger.None).ToList();
            scope.MessageStarts.AddRange(scope.Nodes.Where(n => n.Kind == NodeKind.StartEvent && n.Trigger == EventTrigger.Message));
            scope.SignalStarts.AddRange(scope.Nodes.Where(n => n.Kind == NodeKind.StartEvent && n.Trigger == EventTrigger.Signal));
            var where = scope.Owner is null ? "The process" : $"Sub-process '{scope.Owner.Id}'";
            if (starts.Count == 0 && scope.MessageStarts.Count == 0 && scope.SignalStarts.Count == 0)
            {
                var at = scope.Owner;
                errors.Add(new(at?.Id ?? model.Key, at?.ElementType ?? "process", at is null ? processLine : at.Line, $"{where} has no start event."));
            }
            else if (starts.Count > 1)
                foreach (var s in starts) Error(s, $"{where} has {starts.Count} none start events; exactly one is supported (add message start events for other ways in).");
            else if (starts.Count == 1) scope.Start = starts[0];
            foreach (var group in scope.MessageStarts.Where(m => m.MessageName is not null).GroupBy(m => m.MessageName).Where(g => g.Count() > 1))
                foreach (var m in group) Error(m, $"Two message start events wait for message '{group.Key}'.");
            foreach (var group in scope.SignalStarts.Where(m => m.SignalName is not null).GroupBy(m => m.SignalName).Where(g => g.Count() > 1))
                foreach (var m in group) Error(m, $"Two signal start events wait for signal '{group.Key}'.");

            CheckLinks(scope, Error);
            foreach (var n in scope.Nodes)
                CheckNode(n, Error, FlowError, refusedConditions);

            CheckReachability(scope, Error);
        }

        CheckExclusiveFeedsParallelJoins(model, errors);
    }

    /// <summary>An event sub-process starts with exactly one start event, triggered by a message, timer, signal or error.</summary>
    private static void CheckEventSubProcessStart(FlowScope scope, Action<FlowNode, string> error)
    {
        var owner = scope.Owner!;
        var starts = scope.Nodes.Where(n => n.Kind == NodeKind.StartEvent).ToList();
        if (starts.Count != 1)
        {
            error(owner, $"An event sub-process needs exactly one start event (it has {starts.Count}).");
            return;
        }
        var start = starts[0];
        // A none start event, or one whose definition was refused, was already reported by the reader.
        if (start.Trigger is not (EventTrigger.Message or EventTrigger.Timer or EventTrigger.Signal or EventTrigger.Error or EventTrigger.Escalation)) return;
        if (start.Trigger == EventTrigger.Error && !start.CancelActivity)
        {
            error(start, "An error start event always interrupts its scope (isInterrupting must not be false).");
            return;
        }
        scope.Start = start;
    }

    /// <summary>Pairs each link throw with the one link catch of its name in the same scope.</summary>
    private static void CheckLinks(FlowScope scope, Action<FlowNode, string> error)
    {
        var catches = scope.Nodes.Where(n => n.Kind == NodeKind.IntermediateCatchEvent && n.Trigger == EventTrigger.Link && n.LinkName is not null)
            .GroupBy(n => n.LinkName!).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var group in catches.Values.Where(g => g.Count > 1))
            foreach (var c in group) error(c, $"{group.Count} link catch events are named '{c.LinkName}' in this scope; a link throw needs exactly one.");
        foreach (var c in catches.Values.SelectMany(g => g).Where(c => c.Incoming.Count > 0))
            error(c, "A link catch event may not have incoming sequence flows: it is entered from its link throw.");
        foreach (var t in scope.Nodes.Where(n => n.Kind == NodeKind.IntermediateThrowEvent && n.Trigger == EventTrigger.Link && n.LinkName is not null))
        {
            if (t.Outgoing.Count > 0) error(t, "A link throw event may not have outgoing sequence flows: it continues at its link catch.");
            if (!catches.TryGetValue(t.LinkName!, out var target)) error(t, $"No link catch event named '{t.LinkName}' in the same scope.");
            else if (target.Count == 1) t.LinkTarget = target[0];
        }
    }

    private static IEnumerable<FlowScope> Scopes(FlowScope scope)
    {
        yield return scope;
        foreach (var inner in scope.Nodes.Where(n => n.Inner is not null).SelectMany(n => Scopes(n.Inner!)))
            yield return inner;
    }

    private static void CheckNode(FlowNode n, Action<FlowNode, string> error, Action<SequenceFlow, string> flowError,
        IReadOnlySet<string> refusedConditions)
    {
        switch (n.Kind)
        {
            case NodeKind.StartEvent when n.Incoming.Count > 0:
                error(n, "A start event may not have incoming sequence flows.");
                break;
            case NodeKind.EndEvent when n.Outgoing.Count > 0:
                error(n, "An end event may not have outgoing sequence flows.");
                break;
            case NodeKind.EventSubProcess:
                if (n.Incoming.Count > 0 || n.Outgoing.Count > 0)
                    error(n, "An event sub-process has no incoming or outgoing sequence flows: its start event starts it.");
                break;
            case NodeKind.BoundaryEvent:
                if (n.Incoming.Count > 0) error(n, "A boundary event may not have incoming sequence flows.");
                if (n.Outgoing.Count == 0) error(n, "A boundary event needs an outgoing sequence flow.");
                break;
            case NodeKind.IntermediateCatchEvent when n.Trigger == EventTrigger.None:
                error(n, "An intermediate catch event needs a timer or message definition.");
                break;
            case NodeKind.ParallelGateway:
                foreach (var f in n.Outgoing.Where(f => f.Condition is not null))
                    flowError(f, $"Parallel gateway '{n.Id}' takes every outgoing flow; a condition here would be ignored, so it is refused.");
                break;
            case NodeKind.EventBasedGateway:
                if (n.Outgoing.Count < 2) error(n, "An event-based gateway needs at least two outgoing flows, each to a catch event.");
                foreach (var f in n.Outgoing)
                {
                    if (f.Condition is not null) flowError(f, $"Event-based gateway '{n.Id}' chooses by event; its flows may not carry conditions.");
                    if (f.Target.Kind != NodeKind.IntermediateCatchEvent || f.Target.Trigger is not (EventTrigger.Timer or EventTrigger.Message or EventTrigger.Signal))
                        flowError(f, $"Every flow of event-based gateway '{n.Id}' must lead to a timer or message intermediate catch event (or a signal one).");
                    else if (f.Target.Incoming.Count != 1)
                        error(f.Target, $"A catch event after event-based gateway '{n.Id}' may have no other incoming flow.");
                }
                break;
            case NodeKind.ExclusiveGateway or NodeKind.InclusiveGateway when n.Outgoing.Count > 1:
                foreach (var f in n.Outgoing.Where(f => f == n.DefaultFlow && f.Condition is not null))
                    flowError(f, $"The default flow of '{n.Id}' may not carry a condition.");
                // A flow without a condition is always true (BPMN 2.0, 10.5.1): an inclusive split always takes it; an
                // exclusive split takes it when no flow before it (document order) holds. A second one could never be taken.
                if (n.Kind == NodeKind.ExclusiveGateway)
                    foreach (var f in n.Outgoing.Where(f => f != n.DefaultFlow && f.Condition is null && !refusedConditions.Contains(f.Id)).Skip(1))
                        flowError(f, $"Exclusive gateway '{n.Id}' has an earlier outgoing flow without a condition, which is always taken first: this flow could never be taken. Give it a condition or remove it.");
                break;
        }
        if (n.IsGateway && n.Incoming.Count == 0)
            error(n, "A gateway needs at least one incoming sequence flow.");
        if (n.IsGateway && n.Outgoing.Count == 0)
            error(n, "A gateway needs at least one outgoing sequence flow.");
        if (n.Kind is not (NodeKind.StartEvent or NodeKind.BoundaryEvent or NodeKind.EventSubProcess) && n.Incoming.Count == 0 && !n.IsGateway
            && !(n.Kind == NodeKind.IntermediateCatchEvent && n.Trigger == EventTrigger.Link))
            error(n, "Nothing leads to this element: it has no incoming sequence flow.");
    }

    private static void CheckReachability(FlowScope scope, Action<FlowNode, string> error)
    {
        if (scope.Start is null && scope.MessageStarts.Count == 0 && scope.SignalStarts.Count == 0) return;
        // Event sub-processes are started by their own start events, not by flows.
        var seen = new HashSet<FlowNode>(scope.MessageStarts.Concat(scope.SignalStarts).Concat(scope.Nodes.Where(n => n.Kind == NodeKind.EventSubProcess)));
        if (scope.Start is not null) seen.Add(scope.Start);
        var queue = new Queue<FlowNode>(seen);
        while (queue.TryDequeue(out var n))
        {
            var next = n.Outgoing.Select(f => f.Target).Concat(n.BoundaryEvents);
            if (n.LinkTarget is not null) next = next.Append(n.LinkTarget);
            foreach (var t in next)
                if (seen.Add(t)) queue.Enqueue(t);
        }
        foreach (var n in scope.Nodes.Where(n => !seen.Contains(n)))
        {
            // Nodes without incoming flows already have a more precise error (a link catch is entered by its throw).
            if (n.Incoming.Count == 0 && n.Kind is not NodeKind.BoundaryEvent && !n.IsGateway && n.Trigger != EventTrigger.Link) continue;
            if (n.Kind == NodeKind.StartEvent) continue;
            error(n, "This element cannot be reached from the start event.");
        }
    }

    /// <summary>
    /// An exclusive split whose different branches arrive, with no parallel or inclusive gateway between,
    /// at different incoming flows of one parallel join: only one branch ever gets a token, so the join waits forever.
    /// Each branch of each split is walked once and tells every join it reaches (walking it again per join made the
    /// check cubic: thousands of splits beside thousands of joins took minutes).
    /// </summary>
    private static void CheckExclusiveFeedsParallelJoins(ProcessModel model, List<ValidationError> errors)
    {
        var joins = model.Nodes.Values.Where(n => n.Kind == NodeKind.ParallelGateway && n.Incoming.Count > 1).ToHashSet();
        if (joins.Count == 0) return;
        var conflicts = new List<(FlowNode Join, FlowNode Split)>();
        foreach (var split in model.Nodes.Values.Where(n => n.Kind is NodeKind.ExclusiveGateway or NodeKind.EventBasedGateway && n.Outgoing.Count > 1))
        {
            // Per join in the split's scope: the incoming flows each branch reaches.
            var reachedBy = new Dictionary<FlowNode, List<HashSet<SequenceFlow>>>();
            for (var branch = 0; branch < split.Outgoing.Count; branch++)
                foreach (var flow in IncomingFlowsReached(split.Outgoing[branch], split, joins))
                {
                    if (!reachedBy.TryGetValue(flow.Target, out var branches))
                        reachedBy[flow.Target] = branches = Enumerable.Range(0, split.Outgoing.Count).Select(_ => new HashSet<SequenceFlow>()).ToList();
                    branches[branch].Add(flow);
                }
            foreach (var (join, branches) in reachedBy)
            {
                var conflicting = false;
                for (var i = 0; i < branches.Count && !conflicting; i++)
                    for (var j = i + 1; j < branches.Count && !conflicting; j++)
                        conflicting = branches[i].Any(a => branches[j].Any(b => a != b));
                if (conflicting) conflicts.Add((join, split));
            }
        }
        // In the order of the joins, as before: one error per join and split.
        var byJoin = conflicts.ToLookup(c => c.Join, c => c.Split);
        foreach (var join in model.Nodes.Values.Where(joins.Contains))
            foreach (var split in byJoin[join])
                errors.Add(new(join.Id, join.ElementType, join.Line,
                    $"Parallel join '{join.Id}' is fed from different branches of exclusive gateway '{split.Id}': only one branch gets a token, so the join would wait forever (deadlock). Use an exclusive or inclusive gateway to merge."));
    }

    /// <summary>The incoming flows of parallel joins that a branch reaches before any parallel or inclusive gateway, in its split's scope.</summary>
    private static List<SequenceFlow> IncomingFlowsReached(SequenceFlow start, FlowNode split, HashSet<FlowNode> joins)
    {
        var reached = new List<SequenceFlow>();
        var seen = new HashSet<FlowNode>();
        var stack = new Stack<SequenceFlow>();
        stack.Push(start);
        while (stack.TryPop(out var flow))
        {
            var t = flow.Target;
            if (joins.Contains(t))
            {
                if (t.Scope == split.Scope) reached.Add(flow);
                continue;
            }
            if (t == split || t.Kind is NodeKind.ParallelGateway or NodeKind.InclusiveGateway || !seen.Add(t)) continue;
            foreach (var o in t.Outgoing) stack.Push(o);
        }
        return reached;
    }
}
