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
                var again = Check(tx.Instance, state, source, target, mapping);
                if (again.Count > 0) throw new MigrationRefusedException(again); // changed since the check
                var map = ElementMap(state, mapping);
                var moving = state.Tokens.ToList();
                foreach (var task in tx.Tasks) task.ElementId = map.GetValueOrDefault(task.ElementId, task.ElementId);
                foreach (var timer in tx.Timers) RemapWait(timer.ElementId, e => timer.ElementId = e, () => timer.Status = TimerStatus.Cancelled, source, target, mapping);
                foreach (var sub in tx.Subscriptions.ToList()) RemapWait(sub.ElementId, e => sub.ElementId = e, () => db.Remove(sub), source, target, mapping);
                // Into and out of embedded sub-processes: scopes are entered (and armed) or left (and withdrawn) as needed.
                var execution = tx.Execution;
                var restructured = new MigrationPlanner(source, target, mapping).Restructure(state.Tokens, execution.EnterScopeByMigration, execution.LeaveScopeByMigration);
                if (restructured.Count > 0) throw new MigrationRefusedException(restructured.Select(p => new MigrationProblem(tx.Instance.Id, p.ElementId, p.Message)).ToList());
                foreach (var token in moving.Where(state.Tokens.Contains))
                {
                    token.ElementId = map[token.ElementId];
                    // A token waiting at a join remembers the flow it came by; the mapping may rename flows too.
                    if (token.ArrivedVia is { } flow) token.ArrivedVia = mapping.GetValueOrDefault(flow, flow);
                }
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

    private static List<MigrationProblem> Check(ProcessInstanceRecord instance, ExecutionState state, ProcessModel source, ProcessModel target,
        IReadOnlyDictionary<string, string> mapping)
    {
        var problems = new List<MigrationProblem>();
        foreach (var token in state.Tokens)
        {
            var targetId = mapping.GetValueOrDefault(token.ElementId, token.ElementId);
            var old = source.Nodes.GetValueOrDefault(token.ElementId);
            if (!target.Nodes.TryGetValue(targetId, out var node))
            {
                // A sub-process the new version lacks may go once every token inside has left it; an event sub-process's
                // waiting start goes with its scope. Whether they do is seen when the tokens are placed (below).
                if (token.IsListener) continue;
                if (old?.Kind is NodeKind.SubProcess or NodeKind.EventSubProcess && !token.IsMultiInstanceBody
                    && state.Tokens.Any(t => t.ScopeId == token.Id && !t.IsListener))
                    continue;
                problems.Add(new(instance.Id, token.ElementId, $"Active element '{token.ElementId}' has no counterpart in the new version; map it."));
                continue;
            }
            if (old is not null && old.Kind != node.Kind)
                problems.Add(new(instance.Id, token.ElementId, $"'{token.ElementId}' is a {old.ElementType} but '{targetId}' is a {node.ElementType}."));
            if (token.ArrivedVia is { } arrived && mapping.GetValueOrDefault(arrived, arrived) is var flow
                && node.IsGateway && node.Incoming.Count > 1 && node.Incoming.All(f => f.Id != flow))
                problems.Add(new(instance.Id, token.ElementId, $"A token waits at join '{token.ElementId}' on flow '{flow}', which '{targetId}' does not have."));
        }
        if (problems.Count > 0) return problems;
        // Place the tokens on a copy, as the migration will: into sub-processes they were not in, out of those they leave.
        var copy = ExecutionState.FromJson(state.ToJson()).Tokens;
        var placed = new MigrationPlanner(source, target, mapping).Restructure(copy,
            (subProcess, parent) =>
            {
                var scope = new Token { Id = Guid.NewGuid(), ElementId = subProcess.Id, ScopeId = parent };
                copy.Add(scope);
                return scope;
            },
            (scope, _) => copy.RemoveAll(t => t == scope || t.ScopeId == scope.Id));
        problems.AddRange(placed.Select(p => new MigrationProblem(instance.Id, p.ElementId, p.Message)));
        return problems;
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
