using ApprovalFlow.Engine.Persistence;

namespace ApprovalFlow.Engine;

public sealed partial class WorkflowEngine
{
    /// <summary>Cancels a running case: every task is withdrawn, every timer and subscription removed; the reason is kept.</summary>
    public Task<InstanceSnapshot> CancelInstanceAsync(Guid instanceId, string reason, string? actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new EngineException("Cancelling a case needs a reason.");
        return TransitionAsync(instanceId, actor, ct, (tx, _) =>
        {
            if (tx.Instance.ParentInstanceId is { } parent)
                throw new EngineException($"Case {instanceId} was started by case {parent}; cancel that case instead.");
            tx.Execution.Cancel(reason.Trim());
            return Task.FromResult(tx.Snapshot());
        }, allowSuspended: true);
    }

    /// <summary>Suspends a running case: tasks stay but cannot be claimed or completed, timers wait, messages are refused.</summary>
    public Task<InstanceSnapshot> SuspendInstanceAsync(Guid instanceId, string reason, string? actor, CancellationToken ct = default) =>
        TransitionAsync(instanceId, actor, ct, (tx, _) =>
        {
            if (!tx.Instance.IsSuspended)
            {
                tx.Instance.IsSuspended = true;
                tx.Execution.RecordInstanceEvent("instance-suspended", reason);
            }
            return Task.FromResult(tx.Snapshot());
        }, allowSuspended: true);

    /// <summary>Resumes a suspended case; timers that fell due meanwhile fire with the next sweep.</summary>
    public Task<InstanceSnapshot> ResumeInstanceAsync(Guid instanceId, string? actor, CancellationToken ct = default) =>
        TransitionAsync(instanceId, actor, ct, (tx, _) =>
        {
            if (tx.Instance.IsSuspended)
            {
                tx.Instance.IsSuspended = false;
                tx.Execution.RecordInstanceEvent("instance-resumed", null);
            }
            return Task.FromResult(tx.Snapshot());
        }, allowSuspended: true);

    /// <summary>
    /// Sends a case back: the token at <paramref name="fromElementId"/> (its task withdrawn, history kept)
    /// moves to the earlier element <paramref name="toElementId"/> of the same scope, which runs again.
    /// Tokens of other branches are untouched. The usual "return for correction" when the model has no loop.
    /// </summary>
    public Task<InstanceSnapshot> SendBackAsync(Guid instanceId, string fromElementId, string toElementId, string? reason, string? actor, CancellationToken ct = default) =>
        TransitionAsync(instanceId, actor, ct, async (tx, ctk) =>
        {
            await tx.Execution.MoveTokenAsync(fromElementId, toElementId, reason, ctk);
            return tx.Snapshot();
        });

    private static string Describe(ProcessInstanceRecord instance) =>
        instance.IsSuspended && instance.Status == InstanceStatus.Running ? "suspended" : instance.Status.ToString().ToLowerInvariant();
}
