using ApprovalFlow.Engine.Model;

namespace ApprovalFlow.Engine.Runtime;

/// <summary>
/// Rebuilds the scope structure of one case's tokens for a migration: a token whose element lies in the new version inside
/// embedded sub-processes its scope lacks gets scope tokens for them (several tokens bound for one sub-process share one);
/// a token whose element no longer lies in a sub-process it stood in leaves it; a scope left empty is removed. The same
/// code runs twice: on a copy of the tokens to check a case (the callbacks only add and drop tokens), and on the live
/// tokens when the case moves (the callbacks arm and withdraw what a scope waits on, and record history).
/// </summary>
internal sealed class MigrationPlanner(ProcessModel source, ProcessModel target, IReadOnlyDictionary<string, string> mapping)
{
    /// <summary>Creates a scope token for <c>subProcess</c> inside the scope token <c>parentId</c> (null: top level) and returns it.</summary>
    public delegate Token EnterScope(FlowNode subProcess, Guid? parentId);

    /// <summary>Removes an emptied scope token and its listeners; the node is its element in the old version or the new one.</summary>
    public delegate void LeaveScope(Token scope, FlowNode node);

    /// <summary>Problems found (element id and message); empty when the tokens were restructured.</summary>
    public List<(string ElementId, string Message)> Restructure(List<Token> tokens, EnterScope enter, LeaveScope leave)
    {
        var problems = new List<(string, string)>();
        var created = new HashSet<Guid>();
        var original = tokens.ToList();
        string Mapped(Token t) => created.Contains(t.Id) ? t.ElementId : mapping.GetValueOrDefault(t.ElementId, t.ElementId);
        Token? ParentOf(Token t) => t.ScopeId is { } id ? tokens.FirstOrDefault(x => x.Id == id) : null;
        bool IsInner(Token t) => ParentOf(t) is { IsMultiInstanceBody: true } body && body.ElementId == t.ElementId;
        int Depth(Token t)
        {
            var depth = 0;
            for (var p = ParentOf(t); p is not null; p = ParentOf(p)) depth++;
            return depth;
        }

        foreach (var token in tokens.Where(t => !t.IsListener).OrderBy(Depth).ThenBy(t => t.Seq).ToList())
        {
            // A scope whose sub-process the new version lacks: the tokens inside leave it (it is removed once empty).
            if (!target.Nodes.TryGetValue(Mapped(token), out var node)) continue;
            // A multi-instance activity's instances stay under their body, which moves with them.
            if (IsInner(token)) continue;
            var chain = EnclosingSubProcesses(node);
            var anchor = ParentOf(token);
            var left = new List<Token>();
            while (anchor is not null && chain.All(s => s.Id != Mapped(anchor)))
            {
                left.Add(anchor);
                anchor = ParentOf(anchor);
            }
            if (left.Any(s => s.IsMultiInstanceBody || IsInner(s)))
            {
                problems.Add((token.ElementId, $"'{node.Id}' would leave a running multi-instance activity; a migration cannot do that."));
                continue;
            }
            var from = anchor is null ? 0 : chain.FindIndex(s => s.Id == Mapped(anchor)) + 1;
            var scope = anchor;
            var refused = false;
            for (var i = from; i < chain.Count; i++)
            {
                var subProcess = chain[i];
                var shared = tokens.FirstOrDefault(t => t.ScopeId == scope?.Id && !t.IsListener && t != token && Mapped(t) == subProcess.Id);
                if (subProcess.MultiInstance is not null || subProcess.Kind == NodeKind.EventSubProcess)
                {
                    problems.Add((token.ElementId, subProcess.MultiInstance is not null
                        ? $"'{node.Id}' lies in the multi-instance sub-process '{subProcess.Id}'; a migration cannot enter one."
                        : $"'{node.Id}' lies in the event sub-process '{subProcess.Id}'; a migration cannot enter one (only its start event can)."));
                    refused = true;
                    break;
                }
                if (shared is null)
                {
                    shared = enter(subProcess, scope?.Id);
                    created.Add(shared.Id);
                }
                scope = shared;
            }
            if (!refused) token.ScopeId = scope?.Id;
        }
        if (problems.Count > 0) return problems;

        // Scopes left empty go, innermost first (a parent may become empty in turn).
        while (true)
        {
            var empty = tokens.FirstOrDefault(t => !t.IsListener && IsScope(t, Mapped(t)) && !tokens.Any(c => c.ScopeId == t.Id && !c.IsListener));
            if (empty is null) break;
            leave(empty, created.Contains(empty.Id) ? target.Node(empty.ElementId) : source.Node(empty.ElementId));
        }

        // What stays must exist in the new version and lie where its scope is.
        foreach (var token in original.Where(tokens.Contains))
        {
            if (!target.Nodes.TryGetValue(Mapped(token), out var node))
            {
                problems.Add((token.ElementId, $"Active element '{token.ElementId}' has no counterpart in the new version; map it."));
                continue;
            }
            var parent = ParentOf(token);
            // A listener stands at an event sub-process's start event but lives in the scope around that event sub-process.
            var owner = token.IsListener ? node.Scope.Owner?.Scope.Owner : node.Scope.Owner;
            var parentElement = parent is null ? null : Mapped(parent);
            if (IsInner(token)) continue;
            if (owner?.Id != parentElement)
                problems.Add((token.ElementId, token.IsListener
                    ? $"The event sub-process of '{node.Id}' lies in another scope in the new version; a waiting event sub-process start cannot move."
                    : $"'{node.Id}' cannot be placed in the new version's sub-processes."));
        }
        return problems;
    }

    /// <summary>Whether a token stands for a running scope: an embedded or event sub-process (in the old version, if the new lacks it).</summary>
    private bool IsScope(Token token, string mapped)
    {
        var node = target.Nodes.GetValueOrDefault(mapped) ?? source.Nodes.GetValueOrDefault(token.ElementId);
        return node?.Kind is NodeKind.SubProcess or NodeKind.EventSubProcess;
    }

    /// <summary>The embedded (or event) sub-processes around a node, outermost first.</summary>
    public static List<FlowNode> EnclosingSubProcesses(FlowNode node)
    {
        var chain = new List<FlowNode>();
        for (var owner = node.Scope.Owner; owner is not null; owner = owner.Scope.Owner) chain.Insert(0, owner);
        return chain;
    }
}
