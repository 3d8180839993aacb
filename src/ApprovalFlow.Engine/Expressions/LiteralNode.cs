using System.Text.Json.Nodes;

namespace ApprovalFlow.Engine.Expressions;

internal sealed class LiteralNode(object? value) : ExpressionNode
{
    protected override object? EvaluateCore(JsonObject variables) => value;
}
