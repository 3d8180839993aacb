using System.Text.Json.Nodes;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApprovalFlow.Engine;

/// <summary>What a signal broadcast reached: the cases whose waiting catches received it, and the cases it started.</summary>
public sealed record SignalBroadcast(string Name, IReadOnlyList<InstanceSnapshot> Received, IReadOnlyList<InstanceSnapshot> Started);

public sealed partial class WorkflowEngine
{
    /// <summary>How deep signals thrown by cases that a broadcast moved may themselves be broadcast (a guard against ping-pong).</summary>
    internal const int MaxSignalDepth = 8;

    private int signalDepth;

    /// <summary>
    /// Broadcasts a signal from outside: every waiting signal catch (intermediate, boundary, after an event-based
    /// gateway) of that name receives it, each case in its own transition with <paramref name="variables"/> merged
    /// in; and, unless <paramref name="instanceId"/> limits it to one case, the newest version of every definition
    /// with a signal start event of that name starts a case. Suspended cases do not receive it.
    /// </summary>
    public Task<SignalBroadcast> BroadcastSignalAsync(string signalName, JsonObject? variables = null, Guid? instanceId = null, CancellationToken ct = default) =>
        BroadcastSignalAsync(signalName, variables, instanceId, null, ct);

    /// <summary>
    /// As <see cref="BroadcastSignalAsync(string, JsonObject?, Guid?, CancellationToken)"/>, but a waiting case receives
    /// the signal only when <paramref name="mayReceive"/> says so for its id, asked just before its transition (the host
    /// keeps cases it moves by its own rules out of a broadcast from outside).
    /// </summary>
    public async Task<SignalBroadcast> BroadcastSignalAsync(string signalName, JsonObject? variables, Guid? instanceId,
        Func<Guid, CancellationToken, Task<bool>>? mayReceive, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(signalName)) throw new EngineException("A signal needs a name.");
        return await BroadcastAsync(signalName.Trim(), variables, instanceId, [], ct, mayReceive);
    }

    private async Task<SignalBroadcast> BroadcastAsync(string signalName, JsonObject? variables, Guid? instanceId, IReadOnlyCollection<Guid> notYetWaiting,
        CancellationToken ct, Func<Guid, CancellationToken, Task<bool>>? mayReceive = null)
    {
        var subscriptionName = FlowNode.SignalPrefix + signalName;
        var query = db.Set<MessageSubscriptionRecord>().AsNoTracking().Where(s => s.MessageName == subscriptionName);
        if (instanceId is { } only) query = query.Where(s => s.InstanceId == only);
        var waiting = (await query.OrderBy(s => s.CreatedAt).Select(s => new { s.Id, s.InstanceId }).ToListAsync(ct))
            .Where(s => !notYetWaiting.Contains(s.Id)).ToList();
        var received = new List<InstanceSnapshot>();
        foreach (var group in waiting.GroupBy(s => s.InstanceId))
        {
            if (mayReceive is not null && !await mayReceive(group.Key, ct)) continue;
            var ids = group.Select(s => s.Id).ToHashSet();
            try
            {
                var snapshot = await TransitionAsync(group.Key, null, ct, async (tx, ctk) =>
                {
                    var live = tx.Subscriptions.Where(s => ids.Contains(s.Id)).OrderBy(s => s.CreatedAt).ToList();
                    if (live.Count == 0) return null;
                    tx.Execution.MergeVariables(variables);
                    foreach (var subscription in live)
                    {
                        // An earlier catch of this signal may have interrupted the activity this one waits on.
                        if (!tx.Subscriptions.Contains(subscription)) continue;
                        await tx.Execution.TriggerEventAsync(subscription.TokenId, subscription.ElementId, "signal-received", ctk);
                    }
                    return tx.Snapshot();
                });
                if (snapshot is not null) received.Add(snapshot);
            }
            catch (InstanceNotRunningException)
            {
                // Suspended (or ended meanwhile): it does not receive the signal.
            }
        }

        var started = new List<InstanceSnapshot>();
        if (instanceId is null)
        {
            var marker = "," + subscriptionName + ",";
            var keys = await db.Set<ProcessDefinitionRecord>().AsNoTracking()
                .Where(d => d.MessageStartNames != null && d.MessageStartNames.Contains(marker))
                .Select(d => d.Key).Distinct().ToListAsync(ct);
            foreach (var key in keys.Order(StringComparer.Ordinal))
            {
                var latest = await db.Set<ProcessDefinitionRecord>().AsNoTracking().Where(d => d.Key == key).OrderByDescending(d => d.Version).FirstAsync(ct);
                if (latest.MessageStartNames?.Contains(marker) != true) continue;
                started.Add(await StartAsync(latest, subscriptionName, null, variables?.DeepClone() as JsonObject, null, ct));
            }
        }
        return new SignalBroadcast(signalName, received, started);
    }

    /// <summary>
    /// After a transition committed: broadcasts the signals its cases threw. A failure in a receiving case is logged and
    /// does not undo the throwing transition, which has committed.
    /// </summary>
    private async Task BroadcastThrownSignalsAsync(IEnumerable<Execution> executions, CancellationToken ct)
    {
        var thrown = new List<(string Name, IReadOnlyList<Guid> NotYetWaiting)>();
        var sent = new List<(string Name, string? BusinessKey)>();
        foreach (var execution in executions)
        {
            execution.SealThrownSignals();
            thrown.AddRange(execution.ThrownSignals);
            execution.ThrownSignals.Clear();
            sent.AddRange(execution.OutgoingMessages);
            execution.OutgoingMessages.Clear();
        }
        if (thrown.Count == 0 && sent.Count == 0) return;
        if (signalDepth >= MaxSignalDepth)
        {
            logger.LogWarning("Signals {Signals} and messages {Messages} were not delivered: signals and messages sent in reply to others went {Depth} levels deep",
                string.Join(", ", thrown.Select(t => t.Name)), string.Join(", ", sent.Select(m => m.Name)), signalDepth);
            return;
        }
        signalDepth++;
        try
        {
            // Message flows between pools: each message is correlated by the sending case's business key — to a waiting
            // catch, or else to a message start. One that nothing takes is logged, not an error of the sender, which has committed.
            foreach (var (name, businessKey) in sent)
            {
                try
                {
                    await CorrelateMessageAsync(name, businessKey, null, null, ct);
                }
                catch (EngineException ex)
                {
                    logger.LogWarning(ex, "Message {Message} sent along a message flow (business key {BusinessKey}) was not delivered", name, businessKey);
                }
            }
            foreach (var (name, notYetWaiting) in thrown)
            {
                try
                {
                    await BroadcastAsync(name, null, null, notYetWaiting, ct);
                }
                catch (EngineException ex)
                {
                    logger.LogError(ex, "Signal {Signal} could not be delivered everywhere", name);
                }
            }
        }
        finally
        {
            signalDepth--;
        }
    }
}
