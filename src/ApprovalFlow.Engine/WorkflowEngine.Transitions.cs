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
            ToSnapshot(Instance, Execution.ActiveTokens.OrderBy(t => t.Seq).Select(t => t.ElementId), Execution.Variables);
    }

    /// <summary>Loads an instance for a transition. The instance and its open tasks come in one query.</summary>
    private async Task<Transition> LoadAsync(Guid instanceId, string? actor, ProcessModel? modelOverride, CancellationToken ct)
    {
        var row = await CompiledQueries.For(db).Instance(db, instanceId, ct)
            ?? throw new InstanceNotFoundException(instanceId);
        return await LoadRestAsync(row.Instance, row.Tasks, actor, modelOverride, ct);
    }

    /// <summary>
    /// Loads the case of an open task for a transition: the task's status, its instance and the instance's open tasks
    /// in one query. A task that is gone or no longer open is refused.
    /// </summary>
    private async Task<Transition> LoadForTaskAsync(Guid taskId, string? actor, CancellationToken ct)
    {
        try
        {
            var row = await CompiledQueries.For(db).CaseOfTask(db, taskId, ct)
                ?? throw new TaskNotFoundException(taskId);
            if (row.Status != HumanTaskStatus.Open) throw new TaskNotOpenException(taskId, row.Status.ToString().ToLowerInvariant());
            return await LoadRestAsync(row.Instance, row.Tasks, actor, null, ct);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>A transition on the case of an open task; its first attempt reuses the rows read with the task.</summary>
    private async Task<T> TaskTransitionAsync<T>(Guid taskId, string? actor, CancellationToken ct, Func<Transition, CancellationToken, Task<T>> body, bool allowSuspended = false)
    {
        // One connection open for the read and the write (not one open and close each); nests inside a host's own.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var tx = await LoadForTaskAsync(taskId, actor, ct);
            return await TransitionAsync(tx.Instance.Id, actor, ct, body, allowSuspended, preloaded: tx);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Transition> LoadRestAsync(ProcessInstanceRecord instance, List<HumanTaskRecord> tasks, string? actor, ProcessModel? modelOverride, CancellationToken ct)
    {
        var instanceId = instance.Id;
        var model = modelOverride ?? await ModelOfAsync(instance.DefinitionId, ct);
        var state = ExecutionState.FromJson(instance.StateJson);
        // A model without timers or messages never stores any: skip those reads on the hot path.
        var timers = model.UsesTimers || modelOverride is not null
            ? await db.Set<TimerRecord>().Where(t => t.InstanceId == instanceId && t.Status == TimerStatus.Pending).ToListAsync(ct)
            : [];
        var subscriptions = model.UsesMessages || modelOverride is not null
            ? await db.Set<MessageSubscriptionRecord>().Where(s => s.InstanceId == instanceId).ToListAsync(ct)
            : [];
        // When the tokens name their open element-instance rows, the rows are closed without being read.
        var openElements = state.RowsOnTokens
            ? []
            : await db.Set<ElementInstanceRecord>().Where(e => e.InstanceId == instanceId && e.EndedAt == null).ToListAsync(ct);
        var execution = new Execution(model, instance, db, services, Now, actor, tasks, timers, subscriptions, openElements, state);
        return new Transition(instance, model, execution, tasks, timers, subscriptions, db);
    }

    private async Task<T> TransitionAsync<T>(Guid instanceId, string? actor, CancellationToken ct, Func<Transition, CancellationToken, Task<T>> body,
        bool allowSuspended = false, ProcessModel? modelOverride = null, Transition? preloaded = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var own = await BeginOwnTransactionAsync(ct);
            try
            {
                var tx = attempt == 0 && preloaded is not null ? preloaded : await LoadAsync(instanceId, actor, modelOverride, ct);
                if (tx.Instance.Status != InstanceStatus.Running || (tx.Instance.IsSuspended && !allowSuspended))
                    throw new InstanceNotRunningException(instanceId, Describe(tx.Instance));
                var result = await body(tx, ct);
                tx.Execution.Flush();
                var touched = new List<Execution> { tx.Execution };
                await PropagateAsync(tx, actor, touched, ct);
                // The common shape goes out as plain statements (see TransitionWriter), the rest through SaveChanges.
                // The rows are dropped from tracking right after, so they need not be accepted first.
                if (!await TransitionWriter.TrySaveAsync(db, accept: false, ct))
                    await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
                db.ChangeTracker.Clear();
                await ReportAsync(touched, ct);
                if (own is not null) await own.CommitAsync(ct);
                foreach (var execution in touched) ScheduleTimers(execution);
                await BroadcastThrownSignalsAsync(touched, ct);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < services.Options.MaxConflictRetries)
            {
                // Another transition on this instance (or its caller) committed first; run again on its result.
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
            finally
            {
                if (own is not null) await own.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// With observers, a transition and what they write commit together: in the host's transaction when it has one open,
    /// else in one begun here (returned, for the caller to commit). Without observers, nothing is begun.
    /// </summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction?> BeginOwnTransactionAsync(CancellationToken ct) =>
        services.Observers.Count > 0 && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

    /// <summary>
    /// Hands each touched instance's report to the host's observers, inside the transition's transaction. A conflict in
    /// what they write is not retried (the engine's rows are already written in this transaction): it refuses the transition.
    /// </summary>
    private async Task ReportAsync(IEnumerable<Execution> touched, CancellationToken ct)
    {
        var observers = services.Observers;
        if (observers.Count == 0) return;
        foreach (var execution in touched)
        {
            var report = execution.Report();
            foreach (var observer in observers)
            {
                try
                {
                    await observer.OnTransitionAsync(report, ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    throw new ConcurrencyException($"Instance {report.InstanceId}: what the host keeps beside it was changed concurrently; try again.");
                }
            }
        }
    }

    /// <summary>
    /// Carries a transition's effects to related cases in the same transaction: called cases whose caller went
    /// away are cancelled; a called case that ended hands its result (or its uncaught error) back to its caller.
    /// </summary>
    private async Task PropagateAsync(Transition tx, string? actor, List<Execution> touched, CancellationToken ct)
    {
        foreach (var childId in tx.Execution.CalledInstancesToCancel.Distinct().ToList())
        {
            var child = await LoadAsync(childId, actor, null, ct);
            if (child.Instance.Status != InstanceStatus.Running) continue;
            child.Execution.Cancel(CancelledByCaller);
            child.Execution.Flush();
            touched.Add(child.Execution);
            await PropagateAsync(child, actor, touched, ct);
        }
        var instance = tx.Instance;
        if (instance.Status == InstanceStatus.Running || instance.ParentInstanceId is not { } parentId || instance.ParentTokenId is not { } tokenId
            || instance.EndReason == CancelledByCaller)
            return;
        var parent = await LoadAsync(parentId, actor, null, ct);
        if (parent.Instance.Status != InstanceStatus.Running) return;
        if (tx.Execution.UncaughtErrorCode is { } code) await parent.Execution.ThrowFromCalledInstanceAsync(tokenId, code, tx.Execution.Variables, ct);
        else await parent.Execution.ResumeFromCalledInstanceAsync(tokenId, tx.Execution.Variables, ct);
        parent.Execution.Flush();
        touched.Add(parent.Execution);
        await PropagateAsync(parent, actor, touched, ct);
    }

    private async Task<ProcessModel> ModelOfAsync(Guid definitionId, CancellationToken ct)
    {
        if (cache.TryGet(definitionId, out var model)) return model;
        var definition = await db.Set<ProcessDefinitionRecord>().AsNoTracking().FirstAsync(d => d.Id == definitionId, ct);
        return cache.Get(definition);
    }

    internal const string CancelledByCaller = "the calling case no longer waits for it";
}
