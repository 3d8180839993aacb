using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Persistence;

namespace ApprovalFlow.Engine.Runtime;

internal sealed partial class Execution
{
    public void Cancel(string reason)
    {
        foreach (var token in state.Tokens.Where(t => t.ScopeId is null).ToList())
            RemoveToken(token, "cancelled");
        instance.Status = InstanceStatus.Terminated;
        instance.IsSuspended = false;
        instance.EndedAt = now;
        instance.EndReason = reason;
        History(null, null, "instance-cancelled", actor, reason);
    }

    public void RecordInstanceEvent(string what, string? detail) => History(null, null, what, actor, detail);

    public async Task MoveTokenAsync(string fromElementId, string toElementId, string? reason, CancellationToken ct)
    {
        var at = state.Tokens.Where(t => t.ElementId == fromElementId).ToList();
        if (at.Count == 0)
            throw new ElementNotActiveException(fromElementId, $"No token stands at '{fromElementId}'; the case is at {string.Join(", ", state.Tokens.Select(t => t.ElementId).Distinct())}.");
        if (at.Count > 1)
            throw new ElementNotActiveException(fromElementId, $"{at.Count} tokens stand at '{fromElementId}'; the move would be ambiguous.");
        if (!model.Nodes.TryGetValue(toElementId, out var target))
            throw new ElementNotActiveException(toElementId, $"The model has no element '{toElementId}'.");
        var token = at[0];
        var source = model.Node(fromElementId);
        if (target.Scope != source.Scope)
            throw new ElementNotActiveException(toElementId, $"'{toElementId}' is not in the same scope as '{fromElementId}'.");
        if (target.Kind is not (NodeKind.UserTask or NodeKind.ServiceTask or NodeKind.SubProcess or NodeKind.IntermediateCatchEvent or NodeKind.ReceiveTask))
            throw new ElementNotActiveException(toElementId, $"A case can be sent back to a task, a sub-process or a catch event, not to {target}.");

        var scopeId = token.ScopeId;
        RemoveToken(token, "sent-back");
        var moved = NewToken(scopeId);
        History(target, moved, "sent-back-to", actor, $"from {fromElementId}{(reason is null ? "" : ": " + reason)}");
        Enter(moved, target, null);
        await RunAsync(ct);
    }
}
