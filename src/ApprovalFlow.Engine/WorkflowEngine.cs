using System.Text.Json.Nodes;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Parsing;
using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApprovalFlow.Engine;

/// <summary>
/// The engine's API. Each call that moves an instance is one transition: instance state, tasks, timers,
/// subscriptions and history are saved in one transaction (see TransitionWriter), guarded by the instance's revision.
/// A transition that lost a race with another transition on the same instance is re-run from fresh state.
/// </summary>
public sealed partial class WorkflowEngine
{
    private readonly DbContext db;
    private readonly DefinitionCache cache;
    private readonly ServiceTaskRegistry handlers;
    private readonly EngineServices services;
    private readonly TimeProvider clock;
    private readonly ITimerScheduler scheduler;
    private readonly ILogger logger;

    internal WorkflowEngine(DbContext db, DefinitionCache cache, ServiceTaskRegistry handlers, EngineServices services,
        TimeProvider clock, ITimerScheduler scheduler, ILogger<WorkflowEngine> logger)
    {
        this.db = db;
        this.cache = cache;
        this.handlers = handlers;
        this.services = services;
        this.clock = clock;
        this.scheduler = scheduler;
        this.logger = logger;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Validates and stores a model as the next version of its key; running instances keep their version. A file
    /// with several executable processes (a collaboration of pools) deploys every one of them, all or none, and this
    /// returns the first (document order); <see cref="DeployAllAsync"/> returns each.
    /// </summary>
    public async Task<DeployedDefinition> DeployAsync(byte[] bpmnXml, string? deployedBy, CancellationToken ct = default) =>
        (await DeployAllAsync(bpmnXml, deployedBy, ct))[0];

    /// <summary>
    /// Validates every executable process of the file and stores each as the next version of its key, in one
    /// transaction: a problem in any of them refuses the whole file. The stored text is the whole file for each.
    /// The host's validators (<see cref="IModelValidator"/>) run on every process before anything is stored.
    /// </summary>
    public async Task<IReadOnlyList<DeployedDefinition>> DeployAllAsync(byte[] bpmnXml, string? deployedBy, CancellationToken ct = default)
    {
        var text = BpmnReader.Decode(bpmnXml);
        var models = BpmnReader.ReadAll(text, handlers.Contains);
        await ApplyHostValidatorsAsync(models, ct);
        for (var attempt = 0; ; attempt++)
        {
            var keys = models.Select(m => m.Key).ToList();
            var latest = await db.Set<ProcessDefinitionRecord>().Where(d => keys.Contains(d.Key))
                .GroupBy(d => d.Key).Select(g => new { Key = g.Key, Version = g.Max(d => d.Version) })
                .ToDictionaryAsync(x => x.Key, x => x.Version, ct);
            var records = models.Select(model => new ProcessDefinitionRecord
            {
                Id = Guid.NewGuid(),
                Key = model.Key,
                Version = latest.GetValueOrDefault(model.Key) + 1,
                Name = model.Name,
                Xml = text,
                DeployedAt = Now,
                DeployedBy = deployedBy,
                // Signal starts are listed beside message starts, their names behind FlowNode.SignalPrefix.
                MessageStartNames = model.Root.MessageStarts.Count + model.Root.SignalStarts.Count == 0 ? null
                    : "," + string.Join(",", model.Root.MessageStarts.Concat(model.Root.SignalStarts).Select(m => m.SubscriptionName)) + ",",
            }).ToList();
            db.AddRange(records);
            try
            {
                await db.SaveChangesAsync(ct);
                for (var i = 0; i < records.Count; i++) cache.Add(records[i].Id, models[i]);
                return records.Select(ToDeployed).ToList();
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another deployment of the same key took this version number; take the next.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<IReadOnlyList<DeployedDefinition>> ListDefinitionsAsync(CancellationToken ct = default)
    {
        var rows = await db.Set<ProcessDefinitionRecord>().AsNoTracking()
            .OrderBy(d => d.Key).ThenBy(d => d.Version)
            .Select(d => new { d.Id, d.Key, d.Version, d.Name, d.DeployedAt })
            .ToListAsync(ct);
        return rows.Select(d => new DeployedDefinition(d.Id, d.Key, d.Version, d.Name, d.DeployedAt)).ToList();
    }

    /// <summary>Starts the newest version of a definition and runs it to its first wait states.</summary>
    public async Task<InstanceSnapshot> StartAsync(string definitionKey, string? businessKey, JsonObject? variables, string? actor, CancellationToken ct = default)
    {
        // The newest version's id first; its XML is read only when the model is not cached yet.
        var newest = await db.Set<ProcessDefinitionRecord>().AsNoTracking()
            .Where(d => d.Key == definitionKey).OrderByDescending(d => d.Version)
            .Select(d => new { d.Id, d.Key, d.Version }).FirstOrDefaultAsync(ct)
            ?? throw new DefinitionNotFoundException(definitionKey);
        // The model found now is the one used: the cache may forget it before a second lookup (DefinitionCache.Capacity).
        if (cache.TryGet(newest.Id, out var cached))
        {
            var known = new ProcessDefinitionRecord { Id = newest.Id, Key = newest.Key, Version = newest.Version, Xml = "" };
            return await StartAsync(known, null, businessKey, variables, actor, ct, cached);
        }
        var definition = await db.Set<ProcessDefinitionRecord>().AsNoTracking().FirstAsync(d => d.Id == newest.Id, ct);
        return await StartAsync(definition, null, businessKey, variables, actor, ct);
    }

    private async Task<InstanceSnapshot> StartAsync(ProcessDefinitionRecord definition, string? messageName, string? businessKey, JsonObject? variables, string? actor, CancellationToken ct,
        ProcessModel? parsed = null)
    {
        var model = parsed ?? cache.Get(definition);
        var startEvent = messageName is null ? null : model.Root.MessageStarts.Concat(model.Root.SignalStarts).First(m => m.SubscriptionName == messageName);
        var instance = ProcessInstanceRecord.Start(definition, string.IsNullOrWhiteSpace(businessKey) ? null : businessKey.Trim(), Now, actor);
        var execution = new Execution(model, instance, db, services, Now, actor, [], [], []);
        var own = await BeginOwnTransactionAsync(ct);
        try
        {
            db.Add(instance);
            execution.MergeVariables(variables);
            await execution.StartAsync(ct, startEvent);
            execution.Flush();
            if (!await TransitionWriter.TrySaveAsync(db, accept: true, ct))
                await db.SaveChangesAsync(ct);
            if (services.Observers.Count > 0)
            {
                db.ChangeTracker.Clear();
                await ReportAsync([execution], ct);
            }
            if (own is not null) await own.CommitAsync(ct);
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
        ScheduleTimers(execution);
        await BroadcastThrownSignalsAsync([execution], ct);
        return ToSnapshot(instance, execution.ActiveTokens.Select(t => t.ElementId), execution.Variables);
    }

    public async Task<InstanceSnapshot?> GetInstanceAsync(Guid instanceId, CancellationToken ct = default)
    {
        var instance = await CompiledQueries.For(db).InstanceUntracked(db, instanceId, ct);
        if (instance is null) return null;
        var state = ExecutionState.FromJson(instance.StateJson);
        var variables = JsonNode.Parse(instance.VariablesJson) as JsonObject ?? [];
        return ToSnapshot(instance, state.Tokens.Where(t => !t.IsListener).OrderBy(t => t.Seq).Select(t => t.ElementId), variables);
    }

    public async Task<IReadOnlyList<TaskSnapshot>> ListOpenTasksAsync(TaskQuery query, CancellationToken ct = default)
    {
        if (query is { InstanceId: { } only, Assignee: null, CandidateGroup: null, CandidateUser: null })
        {
            // The common call (the tasks of one case) as a compiled query; same filter, order and limit as below.
            var open = new List<TaskSnapshot>();
            await foreach (var row in CompiledQueries.For(db).OpenTasksOfInstance(db, only).WithCancellation(ct))
                open.Add(ToSnapshot(row));
            return open;
        }
        var tasks = db.Set<HumanTaskRecord>().AsNoTracking().Where(t => t.Status == HumanTaskStatus.Open);
        if (query.InstanceId is { } instanceId) tasks = tasks.Where(t => t.InstanceId == instanceId);
        if (!string.IsNullOrWhiteSpace(query.Assignee)) tasks = tasks.Where(t => t.Assignee == query.Assignee);
        if (!string.IsNullOrWhiteSpace(query.CandidateGroup))
        {
            var marker = "," + query.CandidateGroup.Trim() + ",";
            tasks = tasks.Where(t => t.CandidateGroups != null && t.CandidateGroups.Contains(marker));
        }
        if (!string.IsNullOrWhiteSpace(query.CandidateUser))
        {
            var marker = "," + query.CandidateUser.Trim() + ",";
            tasks = tasks.Where(t => t.CandidateUsers != null && t.CandidateUsers.Contains(marker));
        }
        var rows = await tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(1000).ToListAsync(ct);
        return rows.Select(ToSnapshot).ToList();
    }

    public async Task<TaskSnapshot> ClaimAsync(Guid taskId, string userId, CancellationToken ct = default)
    {
        return await TaskTransitionAsync(taskId, userId, ct, (tx, _) =>
        {
            var task = tx.OpenTask(taskId);
            if (task.Assignee is { } holder && holder != userId) throw new TaskClaimedException(taskId, holder);
            if (task.Assignee != userId)
            {
                task.Assignee = userId;
                task.ClaimedAt = Now;
                tx.Execution.RecordTaskEvent(task, "claimed");
            }
            return Task.FromResult(ToSnapshot(task));
        });
    }

    /// <summary>Completes an open task and runs the instance on. A task that is no longer open is refused, never run twice.</summary>
    public async Task<InstanceSnapshot> CompleteTaskAsync(Guid taskId, JsonObject? variables, string? actor, CancellationToken ct = default)
    {
        return await TaskTransitionAsync(taskId, actor, ct, async (tx, ctk) =>
        {
            var task = tx.OpenTask(taskId);
            if (task.Delegation == DelegationState.Pending) throw new TaskDelegatedException(taskId, task.Assignee ?? "?");
            tx.Execution.MergeVariables(variables);
            await tx.Execution.CompleteTaskAsync(task, ctk);
            return tx.Snapshot();
        });
    }

    /// <summary>Delivers a message to the one waiting event it correlates with, by instance id or business key.</summary>
    public async Task<InstanceSnapshot> CorrelateMessageAsync(string messageName, string? businessKey, Guid? instanceId, JsonObject? variables, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(messageName)) throw new EngineException("A message needs a name.");
        if (messageName.StartsWith(FlowNode.SignalPrefix, StringComparison.Ordinal))
            throw new EngineException($"A message name may not begin with '{FlowNode.SignalPrefix}'; broadcast a signal with BroadcastSignalAsync.");
        if (instanceId is null && string.IsNullOrWhiteSpace(businessKey))
        {
            try
            {
                return await StartByMessageAsync(messageName, null, variables, ct);
            }
            catch (MessageNotCorrelatedException)
            {
                throw new EngineException("A message is correlated by instance id or business key; give one of them.");
            }
        }
        var candidates = db.Set<MessageSubscriptionRecord>().AsNoTracking().Where(s => s.MessageName == messageName);
        if (instanceId is { } id) candidates = candidates.Where(s => s.InstanceId == id);
        if (!string.IsNullOrWhiteSpace(businessKey)) candidates = candidates.Where(s => s.BusinessKey == businessKey);
        var matches = await candidates.OrderBy(s => s.CreatedAt).Take(2).ToListAsync(ct);
        if (matches.Count == 0 && instanceId is null) return await StartByMessageAsync(messageName, businessKey, variables, ct);
        if (matches.Count == 0) throw new MessageNotCorrelatedException(messageName);
        if (matches.Count > 1) throw new MessageAmbiguousException(messageName, await candidates.CountAsync(ct));
        var subscription = matches[0];
        return await TransitionAsync(subscription.InstanceId, null, ct, async (tx, ctk) =>
        {
            var live = tx.Subscriptions.FirstOrDefault(s => s.Id == subscription.Id)
                ?? throw new MessageNotCorrelatedException(messageName);
            tx.Execution.MergeVariables(variables);
            await tx.Execution.TriggerEventAsync(live.TokenId, live.ElementId, "message-received", ctk);
            return tx.Snapshot();
        });
    }

    /// <summary>No event waits for the message: it starts the newest version of the one definition that starts with it, if any.</summary>
    private async Task<InstanceSnapshot> StartByMessageAsync(string messageName, string? businessKey, JsonObject? variables, CancellationToken ct)
    {
        var marker = "," + messageName + ",";
        var starting = await db.Set<ProcessDefinitionRecord>().AsNoTracking()
            .Where(d => d.MessageStartNames != null && d.MessageStartNames.Contains(marker))
            .Select(d => d.Key).Distinct().ToListAsync(ct);
        // Only the newest version of each key counts: an older version that started by this message no longer does.
        var newest = new List<ProcessDefinitionRecord>();
        foreach (var key in starting)
        {
            var latest = await db.Set<ProcessDefinitionRecord>().AsNoTracking().Where(d => d.Key == key).OrderByDescending(d => d.Version).FirstAsync(ct);
            if (latest.MessageStartNames?.Contains(marker) == true) newest.Add(latest);
        }
        if (newest.Count == 0) throw new MessageNotCorrelatedException(messageName);
        if (newest.Count > 1) throw new MessageAmbiguousException(messageName, newest.Count);
        return await StartAsync(newest[0], messageName, businessKey, variables, null, ct);
    }

    /// <summary>Fires one stored timer if it is still pending and due. Safe to call any number of times, from any server.</summary>
    public async Task<bool> FireTimerAsync(Guid timerId, CancellationToken ct = default)
    {
        var timer = await db.Set<TimerRecord>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == timerId, ct);
        if (timer is null || timer.Status != TimerStatus.Pending || timer.DueAt > Now) return false;
        var suspended = await db.Set<ProcessInstanceRecord>().AsNoTracking()
            .Where(i => i.Id == timer.InstanceId).Select(i => i.IsSuspended).FirstOrDefaultAsync(ct);
        if (suspended) return false; // stays pending; the sweep fires it after the case is resumed
        try
        {
            return await FireAsync();
        }
        catch (InstanceNotRunningException)
        {
            // Another server fired it first (two sweeps after a restart, a sweep and the scheduled job): the transition that
            // won ended the case, and this one, run again on its result, found the case no longer running. Only a timer
            // still pending on a case that is neither running nor suspended is a fault worth reporting.
            var still = await db.Set<TimerRecord>().AsNoTracking().Where(t => t.Id == timerId)
                .Select(t => new { t.Status, Suspended = db.Set<ProcessInstanceRecord>().Any(i => i.Id == t.InstanceId && i.IsSuspended) })
                .FirstOrDefaultAsync(ct);
            if (still is null || still.Status != TimerStatus.Pending || still.Suspended) return false;
            throw;
        }

        Task<bool> FireAsync() => TransitionAsync(timer.InstanceId, null, ct, async (tx, ctk) =>
        {
            var live = tx.Timers.FirstOrDefault(t => t.Id == timerId);
            if (live is null) return false; // fired or withdrawn by a transition that won the race
            live.Status = TimerStatus.Fired;
            live.FiredAt = Now;
            tx.Timers.Remove(live);
            if (live.Purpose == TimerPurpose.ServiceTaskRetry)
                await tx.Execution.RetryServiceTaskAsync(live.TokenId, live.ElementId, live.Attempt, ctk);
            else
                await tx.Execution.TriggerEventAsync(live.TokenId, live.ElementId, "timer-fired", ctk, live);
            return true;
        });
    }

    /// <summary>Fires every pending timer that is due: the safety net for timers whose scheduled job was lost.</summary>
    public async Task<int> FireDueTimersAsync(CancellationToken ct = default)
    {
        var now = Now;
        var due = await db.Set<TimerRecord>().AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= now)
            .Where(t => db.Set<ProcessInstanceRecord>().Any(i => i.Id == t.InstanceId && !i.IsSuspended))
            .OrderBy(t => t.DueAt)
            .Select(t => t.Id)
            .Take(services.Options.SweepBatchSize)
            .ToListAsync(ct);
        var fired = 0;
        foreach (var id in due)
        {
            try
            {
                if (await FireTimerAsync(id, ct)) fired++;
            }
            catch (EngineException ex)
            {
                logger.LogError(ex, "Timer {TimerId} could not fire", id);
            }
        }
        return fired;
    }

    private void ScheduleTimers(Execution execution)
    {
        foreach (var timer in execution.NewTimers.Where(t => t.Status == TimerStatus.Pending))
            scheduler.Schedule(timer.Id, timer.DueAt);
    }

    private static DeployedDefinition ToDeployed(ProcessDefinitionRecord d) => new(d.Id, d.Key, d.Version, d.Name, d.DeployedAt);

    internal static InstanceSnapshot ToSnapshot(ProcessInstanceRecord instance, IEnumerable<string> elementIds, JsonObject variables) =>
        new(instance.Id, instance.DefinitionKey, instance.DefinitionVersion, instance.BusinessKey,
            instance.Status.ToString().ToLowerInvariant(), elementIds.Distinct().ToList(), (JsonObject)variables.DeepClone())
        {
            Suspended = instance.IsSuspended,
            EndReason = instance.EndReason,
            DefinitionId = instance.DefinitionId,
        };

    internal static TaskSnapshot ToSnapshot(HumanTaskRecord t) =>
        new(t.Id, t.InstanceId, t.ElementId, t.Name,
            (t.CandidateGroups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            t.Assignee, t.CreatedAt, t.DueAt)
        {
            CandidateUsers = (t.CandidateUsers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            Owner = t.Owner,
            Delegation = t.Delegation.ToString().ToLowerInvariant(),
            FollowUpAt = t.FollowUpAt,
        };
}
