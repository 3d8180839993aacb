using System.Text.Json.Nodes;

namespace ApprovalFlow.Engine.Expressions;

internal sealed class VariableNode(string name) : ExpressionNode
{
    protected override object? EvaluateCore(JsonObject variables)
    {
        // A missing variable must never be mistaken for null or false, or an approval could silently take the wrong branch.
        if (!variables.TryGetPropertyValue(name, out var node))
        {
            throw new ExpressionEvaluationException($"Unknown variable '{name}'");
        }

        return ValueSemantics.FromJson(node);
    }
}
