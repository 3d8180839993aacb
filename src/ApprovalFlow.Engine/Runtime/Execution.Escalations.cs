using ApprovalFlow.Engine.Model;

namespace ApprovalFlow.Engine.Runtime;

internal sealed partial class Execution
{
    /// <summary>
    /// An escalation thrown at <paramref name="token"/>: caught, scope by scope outwards, by an escalation event
    /// sub-process of the scope (before the boundary events of the sub-process around it) or an escalation boundary event
    /// on an enclosing sub-process or call activity, matching its code or catching every code. An interrupting catch ends
    /// what it interrupts (the thrower with it); a non-interrupting one runs beside it. Uncaught, it has no effect.
    /// Returns whether the throwing token still stands.
    /// </summary>
    private bool ThrowEscalation(Token token, FlowNode thrower)
    {
        var code = thrower.EscalationCode;
        History(thrower, token, "escalation-thrown", null, code);
        for (Token? at = token; at is not null; at = at.ScopeId is { } s ? state.Tokens.FirstOrDefault(t => t.Id == s) : null)
        {
            var activity = model.Node(at.ElementId);
            if (IsInnerInstance(at, activity)) continue;
            if (at != token)
            {
                var boundary = activity.BoundaryEvents.FirstOrDefault(b => b.Trigger == EventTrigger.Escalation && b.EscalationCode == code)
                    ?? activity.BoundaryEvents.FirstOrDefault(b => b.Trigger == EventTrigger.Escalation && b.EscalationCode is null);
                if (boundary is not null)
                {
                    var scopeId = at.ScopeId;
                    if (boundary.CancelActivity) RemoveToken(at, "interrupted");
                    var spawned = NewToken(scopeId);
                    spawned.ElementId = boundary.Id;
                    History(boundary, spawned, "escalation-caught", null, code);
                    Leave(spawned, boundary);
                    return state.Tokens.Contains(token);
                }
            }
            if (activity.Kind != NodeKind.EventSubProcess && CatchByEscalationEventSubProcess(at.ScopeId, code))
                return state.Tokens.Contains(token);
        }
        History(thrower, token, "escalation-uncaught", null, code);
        return true;
    }

    private bool CatchByEscalationEventSubProcess(Guid? scopeId, string? code)
    {
        var scope = scopeId is null ? model.Root
            : state.Tokens.FirstOrDefault(t => t.Id == scopeId) is { } scopeToken ? model.Node(scopeToken.ElementId).Inner : null;
        if (scope is null) return false;
        var handlers = scope.Nodes.Where(n => n.Kind == NodeKind.EventSubProcess && n.Inner?.Start is { Trigger: EventTrigger.Escalation }).ToList();
        var handler = handlers.FirstOrDefault(n => n.Inner!.Start!.EscalationCode == code) ?? handlers.FirstOrDefault(n => n.Inner!.Start!.EscalationCode is null);
        if (handler is null) return false;
        var start = handler.Inner!.Start!;
        if (start.CancelActivity)
            foreach (var t in state.Tokens.Where(t => t.ScopeId == scopeId).ToList())
                RemoveToken(t, t.IsListener ? null : "interrupted");
        StartEventSubProcess(handler, start, scopeId, "escalation-caught");
        return true;
    }
}
