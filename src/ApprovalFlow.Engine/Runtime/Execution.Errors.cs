using ApprovalFlow.Engine.Model;

namespace ApprovalFlow.Engine.Runtime;

internal sealed partial class Execution
{
    /// <summary>Set when an error left this instance uncaught and the instance was called by another: the caller handles it.</summary>
    public string? UncaughtErrorCode { get; private set; }

    /// <summary>
    /// A BPMN error thrown at <paramref name="token"/>: caught by the nearest error boundary event matching its code,
    /// first on the throwing activity itself, then on each enclosing sub-process. The caught activity is interrupted.
    /// Uncaught at top level it ends the instance (and is handed to the calling case, if any).
    /// </summary>
    private void ThrowError(Token token, string? code, string thrownAt)
    {
        History(model.Node(thrownAt), token, "error-thrown", null, code);
        for (Token? at = token; at is not null; at = at.ScopeId is { } s ? state.Tokens.FirstOrDefault(t => t.Id == s) : null)
        {
            var activity = model.Node(at.ElementId);
            // One instance of a multi-instance activity: its boundary events sit on the whole activity, the next level up.
            if (IsInnerInstance(at, activity)) continue;
            var boundary = activity.BoundaryEvents.FirstOrDefault(b => b.Trigger == EventTrigger.Error && b.ErrorCode == code)
                ?? activity.BoundaryEvents.FirstOrDefault(b => b.Trigger == EventTrigger.Error && b.ErrorCode is null);
            if (boundary is null)
            {
                // Not caught on this activity: an error event sub-process of the scope it runs in (not the one it is itself) may catch it.
                if (activity.Kind != NodeKind.EventSubProcess && CatchByErrorEventSubProcess(at.ScopeId, code)) return;
                continue;
            }
            var scopeId = at.ScopeId;
            RemoveToken(at, "interrupted");
            var spawned = NewToken(scopeId);
            spawned.ElementId = boundary.Id;
            History(boundary, spawned, "error-caught", null, code);
            Leave(spawned, boundary);
            return;
        }
        foreach (var t in state.Tokens.Where(t => t.ScopeId is null).ToList())
            RemoveToken(t, t == token ? null : "terminated");
        instance.Status = Persistence.InstanceStatus.Terminated;
        instance.EndedAt = now;
        instance.EndReason = $"uncaught BPMN error '{code ?? "(no code)"}' at '{thrownAt}'";
        UncaughtErrorCode = code ?? "";
        History(null, null, "instance-terminated", actor, instance.EndReason);
    }

    /// <summary>Starts the error event sub-process of the scope that catches this code (or every code), interrupting the scope.</summary>
    private bool CatchByErrorEventSubProcess(Guid? scopeId, string? code)
    {
        var scope = scopeId is null ? model.Root
            : state.Tokens.FirstOrDefault(t => t.Id == scopeId) is { } scopeToken ? model.Node(scopeToken.ElementId).Inner : null;
        if (scope is null) return false;
        var handlers = scope.Nodes.Where(n => n.Kind == NodeKind.EventSubProcess && n.Inner?.Start is { Trigger: EventTrigger.Error }).ToList();
        var handler = handlers.FirstOrDefault(n => n.Inner!.Start!.ErrorCode == code) ?? handlers.FirstOrDefault(n => n.Inner!.Start!.ErrorCode is null);
        if (handler is null) return false;
        foreach (var t in state.Tokens.Where(t => t.ScopeId == scopeId).ToList())
            RemoveToken(t, t.IsListener ? null : "interrupted");
        StartEventSubProcess(handler, handler.Inner!.Start!, scopeId, "error-caught");
        return true;
    }

    /// <summary>A called instance ended with an uncaught error: it is thrown again at the call activity that waits for it.</summary>
    public async Task ThrowFromCalledInstanceAsync(Guid tokenId, string code, System.Text.Json.Nodes.JsonObject calledVariables, CancellationToken ct)
    {
        var token = state.Tokens.FirstOrDefault(t => t.Id == tokenId)
            ?? throw new ExecutionException(model.Key, "The call activity that waited for the called case is gone.");
        token.CalledInstanceId = null;
        // The called case's output variables come back before the error is thrown, so its handler can read them.
        MergeVariables(Map(model.Node(token.ElementId).Outputs, calledVariables));
        ThrowError(token, code.Length == 0 ? null : code, token.ElementId);
        await RunAsync(ct);
    }
}
