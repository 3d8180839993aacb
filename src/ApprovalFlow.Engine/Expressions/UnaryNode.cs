using System.Text.Json.Nodes;

namespace ApprovalFlow.Engine.Expressions;

internal sealed class UnaryNode(UnaryOperator op, string symbol, ExpressionNode operand) : ExpressionNode
{
    protected override object? EvaluateCore(JsonObject variables)
    {
        var value = operand.Evaluate(variables);
        return op switch
        {
            UnaryOperator.Not => !ValueSemantics.RequireBoolean(value, symbol),
            UnaryOperator.Negate => value is decimal number
                ? -number
                : throw new ExpressionEvaluationException(
                    $"Operator '{symbol}' requires a number but got {ValueSemantics.Describe(value)}"),
            UnaryOperator.Empty => ValueSemantics.IsEmpty(value),
            _ => throw new InvalidOperationException($"Unhandled unary operator {op}."),
        };
    }
}
