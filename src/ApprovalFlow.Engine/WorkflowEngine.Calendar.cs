using ApprovalFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Engine;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// After the holiday calendar changed: recomputes the due date of every open task with af:timeLimitDays and of
    /// every pending working-day timer from when it started, and reschedules the timers. Returns how many changed.
    /// </summary>
    public async Task<int> RecomputeWorkingDayDeadlinesAsync(CancellationToken ct = default)
    {
        var changed = 0;
        var tasks = await db.Set<HumanTaskRecord>().Where(t => t.Status == HumanTaskStatus.Open).ToListAsync(ct);
        var instanceIds = tasks.Select(t => t.InstanceId).Distinct().ToList();
        var definitionOf = await db.Set<ProcessInstanceRecord>().AsNoTracking()
            .Where(i => instanceIds.Contains(i.Id)).Select(i => new { i.Id, i.DefinitionId }).ToDictionaryAsync(i => i.Id, i => i.DefinitionId, ct);
        var definitions = await db.Set<ProcessDefinitionRecord>().AsNoTracking()
            .Where(d => definitionOf.Values.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        foreach (var task in tasks)
        {
            if (!definitionOf.TryGetValue(task.InstanceId, out var definitionId)) continue;
            var model = cache.Get(definitions[definitionId]);
            if (!model.Nodes.TryGetValue(task.ElementId, out var node)
                || !node.Extensions.TryGetValue("timeLimitDays", out var text) || !int.TryParse(text, out var days) || days <= 0)
                continue;
            var due = services.Calendar.AddWorkingDays(task.CreatedAt, days);
            if (task.DueAt == due) continue;
            task.DueAt = due;
            changed++;
        }
        var timers = await db.Set<TimerRecord>().Where(t => t.Status == TimerStatus.Pending && t.WorkingDays != null).ToListAsync(ct);
        var moved = new List<TimerRecord>();
        foreach (var timer in timers)
        {
            var due = services.Calendar.AddWorkingDays(timer.CreatedAt, timer.WorkingDays!.Value);
            if (timer.DueAt == due) continue;
            timer.DueAt = due;
            moved.Add(timer);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        foreach (var timer in moved) scheduler.Schedule(timer.Id, timer.DueAt);
        return changed + moved.Count;
    }
}
