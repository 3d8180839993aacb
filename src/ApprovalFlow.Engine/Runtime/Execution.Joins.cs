using ApprovalFlow.Engine.Model;

namespace ApprovalFlow.Engine.Runtime;

internal sealed partial class Execution
{
    /// <summary>
    /// A parallel join fires when a token waits on each incoming flow; it consumes the oldest token of each
    /// flow. A second token on the same flow keeps waiting for the next firing.
    /// </summary>
    private void FireParallelJoins(FlowNode join, Guid? scopeId)
    {
        while (true)
        {
            var waiting = WaitingAt(join, scopeId);
            var picked = new List<Token>();
            foreach (var flow in join.Incoming)
            {
                var token = waiting.FirstOrDefault(t => t.ArrivedVia == flow.Id);
                if (token is null) return;
                picked.Add(token);
            }
            FireJoin(join, scopeId, picked, join.Outgoing);
        }
    }

    /// <summary>
    /// An inclusive join fires when, for every incoming flow without a waiting token, no other token of the
    /// same scope stands anywhere upstream of that flow. Checked whenever the agenda is empty.
    /// </summary>
    private bool FireReadyInclusiveJoins()
    {
        var candidates = state.Tokens
            .Where(t => t.ArrivedVia is not null)
            .Select(t => (Node: model.Node(t.ElementId), t.ScopeId))
            .Where(x => x.Node.Kind == NodeKind.InclusiveGateway && x.Node.Incoming.Count > 1)
            .Distinct()
            .ToList();
        foreach (var (join, scopeId) in candidates)
        {
            var waiting = WaitingAt(join, scopeId);
            if (waiting.Count == 0) continue;
            var others = state.Tokens.Where(t => t.ScopeId == scopeId && !waiting.Contains(t)).ToList();
            var canStillArrive = join.Incoming
                .Where(f => waiting.All(t => t.ArrivedVia != f.Id))
                .Any(f => others.Any(t => services.Upstream(model, join, f).Contains(t.ElementId)));
            if (canStillArrive) continue;
            var picked = join.Incoming
                .Select(f => waiting.FirstOrDefault(t => t.ArrivedVia == f.Id))
                .OfType<Token>()
                .ToList();
            FireJoin(join, scopeId, picked, ChooseInclusive(join));
            return true;
        }
        return false;
    }

    private List<Token> WaitingAt(FlowNode join, Guid? scopeId) =>
        state.Tokens.Where(t => t.ElementId == join.Id && t.ScopeId == scopeId && t.ArrivedVia is not null)
            .OrderBy(t => t.Seq)
            .ToList();

    private void FireJoin(FlowNode join, Guid? scopeId, List<Token> consumed, IReadOnlyList<SequenceFlow> outgoing)
    {
        foreach (var t in consumed) state.Tokens.Remove(t);
        var token = NewToken(scopeId);
        token.ElementId = join.Id;
        History(join, token, "joined", null, $"{consumed.Count} token(s)");
        ForkAll(token, join, outgoing, logged: true);
    }
}
