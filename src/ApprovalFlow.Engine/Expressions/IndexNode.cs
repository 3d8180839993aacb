using System.Text.Json.Nodes;

namespace ApprovalFlow.Engine.Expressions;

internal sealed class IndexNode(ExpressionNode target, ExpressionNode index) : ExpressionNode
{
    protected override object? EvaluateCore(JsonObject variables)
    {
        var targetValue = target.Evaluate(variables);
        var indexValue = index.Evaluate(variables);
        return ValueSemantics.GetIndexed(targetValue, indexValue);
    }
}
