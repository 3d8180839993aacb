using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Engine;

/// <summary>One running case that cannot move to the new version, and why.</summary>
public sealed record MigrationProblem(Guid InstanceId, string ElementId, string Message);

public sealed record MigrationResult(int Migrated, IReadOnlyList<Guid> InstanceIds);

public sealed class MigrationRefusedException(IReadOnlyList<MigrationProblem> problems)
    : EngineException($"No case was migrated: {problems.Count} problem(s). " + string.Join(" ", problems.Take(5).Select(p => $"[{p.InstanceId} at '{p.ElementId}': {p.Message}]")))
{
    public IReadOnlyList<MigrationProblem> Problems { get; } = problems;
}

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Moves running cases of <paramref name="key"/> version <paramref name="fromVersion"/> to <paramref name="toVersion"/>.
    /// Each active element maps to the element of the same id unless <paramref name="mapping"/> names another; a flow by
    /// which a token arrived at a waiting join maps the same way (so a model whose ids were renamed can take the cases over).
    /// Every case is checked before any moves; then each case moves in its own transition (all or nothing for that case).
    /// </summary>
    public async Task<MigrationResult> MigrateInstancesAsync(string key, int fromVersion, int toVersion,
        IReadOnlyDictionary<string, string>? mapping, IReadOnlyCollection<Guid>? onlyInstances, string actor, CancellationToken ct = default)
    {
        mapping ??= new Dictionary<string, string>();
        var definitions = await db.Set<ProcessDefinitionRecord>().AsNoTracking()
            .Where(d => d.Key == key && (d.Version == fromVersion || d.Version == toVersion)).ToListAsync(ct);
        var from = definitions.FirstOrDefault(d => d.Version == fromVersion) ?? throw new DefinitionNotFoundException($"{key} v{fromVersion}");
        var to = definitions.FirstOrDefault(d => d.Version == toVersion) ?? throw new DefinitionNotFoundException($"{key} v{toVersion}");
        var source = cache.Get(from);
        var target = cache.Get(to);

        var query = db.Set<ProcessInstanceRecord>().AsNoTracking()
            .Where(i => i.DefinitionId == from.Id && i.Status == InstanceStatus.Running);
        var instances = await query.ToListAsync(ct);
        if (onlyInstances is { Count: > 0 }) instances = instances.Where(i => onlyInstances.Contains(i.Id)).ToList();

        var problems = new List<MigrationProblem>();
        var targetFlows = target.Nodes.Values.SelectMany(n => n.Incoming).Select(f => f.Id).ToHashSet();
        foreach (var mapped in mapping)
            if (!target.Nodes.ContainsKey(mapped.Value) && !targetFlows.Contains(mapped.Value))
                problems.Add(new(Guid.Empty, mapped.Key, $"The mapping names '{mapped.Value}', which version {toVersion} does not have."));
        foreach (var instance in instances)
            problems.AddRange(Check(instance, ExecutionState.FromJson(instance.StateJson), source, target, mapping));
        if (problems.Count > 0) throw new MigrationRefusedException(problems);

        var migrated = new List<Guid>();
        foreach (var instance in instances)
        {
            await TransitionAsync(instance.Id, actor, ct, (tx, _) =>
            {
                var state = tx.Execution.State;
                var again = Check(tx.Instance, state, source, target, mapping).ToList();
                if (again.Count > 0) throw new MigrationRefusedException(again); // changed since the check
                var map = ElementMap(state, mapping);
                foreach (var token in state.Tokens)
                {
                    token.ElementId = map[token.ElementId];
                    // A token waiting at a join remembers the flow it came by; the mapping may rename flows too.
                    if (token.ArrivedVia is { } flow) token.ArrivedVia = mapping.GetValueOrDefault(flow, flow);
                }
                foreach (var task in tx.Tasks) task.ElementId = map.GetValueOrDefault(task.ElementId, task.ElementId);
                foreach (var timer in tx.Timers) RemapWait(timer.ElementId, e => timer.ElementId = e, () => timer.Status = TimerStatus.Cancelled, source, target, mapping);
                foreach (var sub in tx.Subscriptions.ToList()) RemapWait(sub.ElementId, e => sub.ElementId = e, () => db.Remove(sub), source, target, mapping);
                tx.Instance.DefinitionId = to.Id;
                tx.Instance.DefinitionVersion = to.Version;
                tx.Execution.RecordInstanceEvent("instance-migrated", $"v{fromVersion} → v{toVersion}");
                return Task.FromResult(true);
            }, allowSuspended: true, modelOverride: target);
            migrated.Add(instance.Id);
        }
        return new MigrationResult(migrated.Count, migrated);
    }

    private static Dictionary<string, string> ElementMap(ExecutionState state, IReadOnlyDictionary<string, string> mapping) =>
        state.Tokens.Select(t => t.ElementId).Distinct().ToDictionary(e => e, e => mapping.GetValueOrDefault(e, e));

    private static IEnumerable<MigrationProblem> Check(ProcessInstanceRecord instance, ExecutionState state, ProcessModel source, ProcessModel target,
        IReadOnlyDictionary<string, string> mapping)
    {
        var byId = state.Tokens.ToDictionary(t => t.Id);
        foreach (var token in state.Tokens)
        {
            var targetId = mapping.GetValueOrDefault(token.ElementId, token.ElementId);
            if (!target.Nodes.TryGetValue(targetId, out var node))
            {
                yield return new(instance.Id, token.ElementId, $"Active element '{token.ElementId}' has no counterpart in the new version; map it.");
                continue;
            }
            var old = source.Nodes.GetValueOrDefault(token.ElementId);
            if (old is not null && old.Kind != node.Kind)
                yield return new(instance.Id, token.ElementId, $"'{token.ElementId}' is a {old.ElementType} but '{targetId}' is a {node.ElementType}.");
            if (token.ArrivedVia is { } arrived && mapping.GetValueOrDefault(arrived, arrived) is var flow
                && node.IsGateway && node.Incoming.Count > 1 && node.Incoming.All(f => f.Id != flow))
                yield return new(instance.Id, token.ElementId, $"A token waits at join '{token.ElementId}' on flow '{flow}', which '{targetId}' does not have.");
            var parentElement = token.ScopeId is { } scope && byId.TryGetValue(scope, out var parent) ? mapping.GetValueOrDefault(parent.ElementId, parent.ElementId) : null;
            // A listener stands at an event sub-process's start event but lives in the scope around that event sub-process.
            var owner = token.IsListener ? node.Scope.Owner?.Scope.Owner : node.Scope.Owner;
            if (owner?.Id != parentElement)
                yield return new(instance.Id, token.ElementId, $"'{targetId}' does not lie in the same sub-process as before.");
        }
    }

    /// <summary>A timer or subscription of a boundary event follows its event if the new version still has it; otherwise it is withdrawn.</summary>
    private static void RemapWait(string elementId, Action<string> move, Action withdraw, ProcessModel source, ProcessModel target,
        IReadOnlyDictionary<string, string> mapping)
    {
        var mapped = mapping.GetValueOrDefault(elementId, elementId);
        var old = source.Nodes.GetValueOrDefault(elementId);
        if (old?.Kind is NodeKind.ServiceTask) { move(mapped); return; }
        if (target.Nodes.TryGetValue(mapped, out var node) && old is not null && node.Kind == old.Kind && node.Trigger == old.Trigger
            && (old.AttachedTo is null || node.AttachedTo?.Id == mapping.GetValueOrDefault(old.AttachedTo.Id, old.AttachedTo.Id)))
            move(mapped);
        else
            withdraw();
    }
}
