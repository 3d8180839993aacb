using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Persistence;

namespace ApprovalFlow.Engine.Runtime;

internal sealed partial class Execution
{
    /// <summary>
    /// Arms the start events of a scope's event sub-processes when the scope starts: a listener token per start event
    /// holds its timer or subscription. Error starts need no arming: a thrown error finds them (see ThrowError).
    /// </summary>
    private void ArmEventSubProcesses(FlowScope scope, Guid? scopeTokenId)
    {
        foreach (var eventSubProcess in scope.Nodes.Where(n => n.Kind == NodeKind.EventSubProcess))
        {
            var start = eventSubProcess.Inner?.Start;
            if (start is null || start.Trigger is not (EventTrigger.Timer or EventTrigger.Message or EventTrigger.Signal)) continue;
            var listener = NewToken(scopeTokenId);
            listener.ElementId = start.Id;
            listener.IsListener = true;
            if (start.Trigger == EventTrigger.Timer) CreateTimer(listener, start);
            else CreateSubscription(listener, start);
        }
    }

    /// <summary>
    /// An event sub-process's start event fired. Interrupting: every other token of the enclosing scope ends (and the
    /// other start events of the scope are withdrawn) before it runs. Non-interrupting: it runs beside them, and the
    /// start event stays armed (a message or signal start takes the next one too, a timer cycle arms its next repetition).
    /// </summary>
    private void FireEventSubProcess(Token listener, FlowNode start, string what, TimerRecord? firedTimer)
    {
        var eventSubProcess = start.Scope.Owner!;
        var scopeId = listener.ScopeId;
        if (start.CancelActivity)
        {
            foreach (var t in state.Tokens.Where(t => t.ScopeId == scopeId && t != listener).ToList())
                RemoveToken(t, t.IsListener ? null : "interrupted");
            RemoveToken(listener, null);
        }
        else if (firedTimer is not null)
        {
            if (start.Timer?.Kind == TimerKind.Cycle && start.Timer.CycleFor(ScopeVariables(listener)).RepeatsAfter(Math.Max(1, firedTimer.Attempt)))
                CreateTimer(listener, start, firedTimer);
            else
                RemoveToken(listener, null); // a one-off timer has fired: nothing is left to wait for
        }
        StartEventSubProcess(eventSubProcess, start, scopeId, what);
    }

    private void StartEventSubProcess(FlowNode eventSubProcess, FlowNode start, Guid? scopeId, string what)
    {
        var body = NewToken(scopeId);
        body.ElementId = eventSubProcess.Id;
        History(eventSubProcess, body, "started", null, start.CancelActivity ? "interrupting" : "non-interrupting");
        var inner = NewToken(body.Id);
        inner.ElementId = start.Id;
        History(start, inner, what, actor, null);
        Leave(inner, start);
    }
}
