using System.Text.Json.Nodes;

namespace ApprovalFlow.Engine.Expressions;

internal sealed class ConditionalNode(ExpressionNode condition, ExpressionNode whenTrue, ExpressionNode whenFalse) : ExpressionNode
{
    protected override object? EvaluateCore(JsonObject variables) =>
        ValueSemantics.RequireBoolean(condition.Evaluate(variables), "?:")
            ? whenTrue.Evaluate(variables)
            : whenFalse.Evaluate(variables);
}
