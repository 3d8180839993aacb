using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Engine;

public sealed partial class WorkflowEngine
{
    /// <summary>What a transition body works on: the instance's live rows, loaded tracked, and its execution.</summary>
    private sealed class Transition(ProcessInstanceRecord instance, ProcessModel model, Execution execution,
        List<HumanTaskRecord> tasks, List<TimerRecord> timers, List<MessageSubscriptionRecord> subscriptions, DbContext db)
    {
        public ProcessInstanceRecord Instance { get; } = instance;
        public ProcessModel Model { get; } = model;
        public Execution Execution { get; } = execution;
        public List<HumanTaskRecord> Tasks { get; } = tasks;
        public List<TimerRecord> Timers { get; } = timers;
        public List<MessageSubscriptionRecord> Subscriptions { get; } = subscriptions;

        public HumanTaskRecord OpenTask(Guid taskId)
        {
            var task = Tasks.FirstOrDefault(t => t.Id == taskId);
            if (task is not null) return task;
            var status = db.Set<HumanTaskRecord>().AsNoTracking().Where(t => t.Id == taskId).Select(t => (HumanTaskStatus?)t.Status).FirstOrDefault();
            throw status is null
                ? new TaskNotFoundException(taskId)
                : new TaskNotOpenException(taskId, status.Value.ToString().ToLowerInvariant());
        }

        public InstanceSnapshot Snapshot() =>
            ToSnapshot(Instance, Execution.Tokens.OrderBy(t => t.Seq).Select(t => t.ElementId), Execution.Variables);
    }

    private async Task<T> TransitionAsync<T>(Guid instanceId, string? actor, CancellationToken ct, Func<Transition, CancellationToken, Task<T>> body, bool allowSuspended = false, ProcessModel? modelOverride = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            Execution? execution = null;
            try
            {
                var instance = await db.Set<ProcessInstanceRecord>().FirstOrDefaultAsync(i => i.Id == instanceId, ct)
                    ?? throw new InstanceNotFoundException(instanceId);
                if (instance.Status != InstanceStatus.Running || (instance.IsSuspended && !allowSuspended))
                    throw new InstanceNotRunningException(instanceId, Describe(instance));
                var definition = await db.Set<ProcessDefinitionRecord>().AsNoTracking().FirstAsync(d => d.Id == instance.DefinitionId, ct);
                var model = modelOverride ?? cache.Get(definition);
                var tasks = await db.Set<HumanTaskRecord>().Where(t => t.InstanceId == instanceId && t.Status == HumanTaskStatus.Open).ToListAsync(ct);
                var timers = await db.Set<TimerRecord>().Where(t => t.InstanceId == instanceId && t.Status == TimerStatus.Pending).ToListAsync(ct);
                var subscriptions = await db.Set<MessageSubscriptionRecord>().Where(s => s.InstanceId == instanceId).ToListAsync(ct);
                var openElements = await db.Set<ElementInstanceRecord>().Where(e => e.InstanceId == instanceId && e.EndedAt == null).ToListAsync(ct);
                execution = new Execution(model, instance, db, services, Now, actor, tasks, timers, subscriptions, openElements);
                var result = await body(new Transition(instance, model, execution, tasks, timers, subscriptions, db), ct);
                execution.Flush();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                ScheduleTimers(execution);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < services.Options.MaxConflictRetries)
            {
                // Another transition on this instance committed first; run again on its result.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 20) * 2), ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                throw new ConcurrencyException($"Instance {instanceId} was changed concurrently {attempt + 1} times in a row; try again.");
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }
}
