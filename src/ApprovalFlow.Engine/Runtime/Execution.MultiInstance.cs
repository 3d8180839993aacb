using System.Text.Json.Nodes;
using ApprovalFlow.Engine.Model;

namespace ApprovalFlow.Engine.Runtime;

internal sealed partial class Execution
{
    /// <summary>Instance variables overlaid with the locals of the token's scopes and its own (multi-instance item, counters).</summary>
    private JsonObject ScopeVariables(Token token)
    {
        var chain = new List<Token>();
        for (Token? t = token; t is not null; t = t.ScopeId is { } s ? state.Tokens.FirstOrDefault(x => x.Id == s) : null)
            if (t.Locals is not null) chain.Add(t);
        if (chain.Count == 0) return Variables;
        var merged = (JsonObject)Variables.DeepClone();
        foreach (var t in Enumerable.Reverse(chain))
            foreach (var (name, value) in t.Locals!)
                merged[name] = value?.DeepClone();
        return merged;
    }

    private bool IsInnerInstance(Token token, FlowNode node) =>
        node.MultiInstance is not null && token.ScopeId is { } s
        && state.Tokens.FirstOrDefault(t => t.Id == s) is { IsMultiInstanceBody: true } body && body.ElementId == node.Id;

    private void StartMultiInstance(Token body, FlowNode node)
    {
        var mi = node.MultiInstance!;
        var items = mi.Items(ScopeVariables(body), node.Id);
        body.IsMultiInstanceBody = true;
        body.Locals = new JsonObject
        {
            ["nrOfInstances"] = items.Count,
            ["nrOfActiveInstances"] = 0,
            ["nrOfCompletedInstances"] = 0,
        };
        History(node, body, "started", null, $"{items.Count} instance(s), {(mi.IsSequential ? "sequential" : "parallel")}");
        if (items.Count == 0)
        {
            FinishMultiInstance(body, node);
            return;
        }
        AttachBoundaryEvents(body, node);
        body.Locals["items"] = items.DeepClone();
        var first = mi.IsSequential ? 1 : items.Count;
        for (var i = 0; i < first; i++) StartInnerInstance(body, node, i);
    }

    private void StartInnerInstance(Token body, FlowNode node, int index)
    {
        var items = (JsonArray)body.Locals!["items"]!;
        var inner = NewToken(body.Id);
        inner.Locals = new JsonObject { ["loopCounter"] = index };
        if (node.MultiInstance!.ElementVariable is { } name) inner.Locals[name] = items[index]?.DeepClone();
        body.Locals["nrOfActiveInstances"] = body.Locals["nrOfActiveInstances"]!.GetValue<int>() + 1;
        Enter(inner, node, null);
    }

    /// <summary>An instance finished: count it, and end the whole activity when all are done or the completion condition holds.</summary>
    private void CompleteInnerInstance(Token inner, FlowNode node)
    {
        var body = state.Tokens.First(t => t.Id == inner.ScopeId);
        RemoveToken(inner, null);
        var locals = body.Locals!;
        var completed = locals["nrOfCompletedInstances"]!.GetValue<int>() + 1;
        var total = locals["nrOfInstances"]!.GetValue<int>();
        locals["nrOfCompletedInstances"] = completed;
        locals["nrOfActiveInstances"] = locals["nrOfActiveInstances"]!.GetValue<int>() - 1;

        var done = completed >= total;
        if (!done && node.MultiInstance!.CompletionCondition is { } condition)
        {
            try
            {
                done = condition.EvaluateBoolean(ScopeVariables(body));
            }
            catch (Expressions.ExpressionEvaluationException ex)
            {
                throw new ExecutionException(node.Id, $"The completion condition {condition.Text} cannot be evaluated: {ex.Message}");
            }
        }
        if (done)
        {
            foreach (var other in state.Tokens.Where(t => t.ScopeId == body.Id).ToList())
                RemoveToken(other, "withdrawn");
            FinishMultiInstance(body, node);
        }
        else if (node.MultiInstance!.IsSequential)
            StartInnerInstance(body, node, completed);
    }

    private void FinishMultiInstance(Token body, FlowNode node)
    {
        ReleaseWaits(body);
        History(node, body, "completed", null, $"{body.Locals?["nrOfCompletedInstances"]} of {body.Locals?["nrOfInstances"]} completed");
        body.IsMultiInstanceBody = false;
        body.Locals = null;
        Leave(body, node);
    }
}
