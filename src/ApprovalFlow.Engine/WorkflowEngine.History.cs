using ApprovalFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Engine;

public sealed record ElementVisit(string ElementId, string ElementType, DateTime StartedAt, DateTime? EndedAt, string? Outcome, string? Actor);

public sealed record HistoryEntry(long Id, string? ElementId, string? ElementType, string Event, string? Actor, string? Detail, DateTime At);

public sealed partial class WorkflowEngine
{
    /// <summary>Every element visit of a case in order: the data behind diagram overlays (done, waiting) and durations.</summary>
    public async Task<IReadOnlyList<ElementVisit>> GetElementHistoryAsync(Guid instanceId, CancellationToken ct = default)
    {
        var rows = await db.Set<ElementInstanceRecord>().AsNoTracking().Where(e => e.InstanceId == instanceId)
            .OrderBy(e => e.StartedAt).ToListAsync(ct);
        return rows.Select(e => new ElementVisit(e.ElementId, e.ElementType, e.StartedAt, e.EndedAt, e.Outcome, e.Actor)).ToList();
    }

    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(Guid instanceId, CancellationToken ct = default)
    {
        var rows = await db.Set<HistoryRecord>().AsNoTracking().Where(h => h.InstanceId == instanceId).OrderBy(h => h.Id).ToListAsync(ct);
        return rows.Select(h => new HistoryEntry(h.Id, h.ElementId, h.ElementType, h.Event, h.Actor, h.Detail, h.At)).ToList();
    }

    /// <summary>
    /// Removes cases that ended more than <paramref name="retention"/> ago, with everything recorded about them.
    /// Running cases are never touched, nor those whose id <paramref name="held"/> yields: a host's records that must be
    /// kept whatever their age (a query over the same database, composed into the selection). Returns how many cases
    /// were removed.
    /// </summary>
    public async Task<int> PurgeEndedInstancesAsync(TimeSpan retention, int batchSize = 500, CancellationToken ct = default,
        IQueryable<Guid>? held = null)
    {
        if (retention < TimeSpan.Zero) throw new EngineException("The retention period cannot be negative.");
        var cutoff = Now - retention;
        var ended = db.Set<ProcessInstanceRecord>().AsNoTracking()
            .Where(i => i.Status != InstanceStatus.Running && i.EndedAt != null && i.EndedAt < cutoff);
        if (held is not null) ended = ended.Where(i => !held.Contains(i.Id));
        var ids = await ended
            .OrderBy(i => i.EndedAt).Select(i => i.Id).Take(batchSize).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Set<HistoryRecord>().Where(x => ids.Contains(x.InstanceId)).ExecuteDeleteAsync(ct);
        await db.Set<ElementInstanceRecord>().Where(x => ids.Contains(x.InstanceId)).ExecuteDeleteAsync(ct);
        await db.Set<TaskCommentRecord>().Where(x => ids.Contains(x.InstanceId)).ExecuteDeleteAsync(ct);
        await db.Set<TaskAttachmentRecord>().Where(x => ids.Contains(x.InstanceId)).ExecuteDeleteAsync(ct);
        await db.Set<HumanTaskRecord>().Where(x => ids.Contains(x.InstanceId)).ExecuteDeleteAsync(ct);
        await db.Set<TimerRecord>().Where(x => ids.Contains(x.InstanceId)).ExecuteDeleteAsync(ct);
        await db.Set<MessageSubscriptionRecord>().Where(x => ids.Contains(x.InstanceId)).ExecuteDeleteAsync(ct);
        await db.Set<IncidentRecord>().Where(x => ids.Contains(x.InstanceId)).ExecuteDeleteAsync(ct);
        var removed = await db.Set<ProcessInstanceRecord>().Where(x => ids.Contains(x.Id)).ExecuteDeleteAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return removed;
    }
}
