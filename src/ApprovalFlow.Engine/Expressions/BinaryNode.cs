using System.Text.Json.Nodes;

namespace ApprovalFlow.Engine.Expressions;

internal sealed class BinaryNode(BinaryOperator op, string symbol, ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    protected override object? EvaluateCore(JsonObject variables)
    {
        // The right operand of && and || is evaluated only when needed, so guards like "x != null && x.y" are safe.
        switch (op)
        {
            case BinaryOperator.And:
                return ValueSemantics.RequireBoolean(left.Evaluate(variables), symbol)
                    && ValueSemantics.RequireBoolean(right.Evaluate(variables), symbol);
            case BinaryOperator.Or:
                return ValueSemantics.RequireBoolean(left.Evaluate(variables), symbol)
                    || ValueSemantics.RequireBoolean(right.Evaluate(variables), symbol);
        }

        var leftValue = left.Evaluate(variables);
        var rightValue = right.Evaluate(variables);
        return op switch
        {
            BinaryOperator.Equal => ValueSemantics.AreEqual(leftValue, rightValue),
            BinaryOperator.NotEqual => !ValueSemantics.AreEqual(leftValue, rightValue),
            BinaryOperator.Less => ValueSemantics.Compare(leftValue, rightValue, symbol) < 0,
            BinaryOperator.Greater => ValueSemantics.Compare(leftValue, rightValue, symbol) > 0,
            BinaryOperator.LessOrEqual => ValueSemantics.Compare(leftValue, rightValue, symbol) <= 0,
            BinaryOperator.GreaterOrEqual => ValueSemantics.Compare(leftValue, rightValue, symbol) >= 0,
            BinaryOperator.Add => ValueSemantics.Add(leftValue, rightValue, symbol),
            _ => ValueSemantics.Arithmetic(op, symbol, leftValue, rightValue),
        };
    }
}
