using System.Text.Json.Nodes;

namespace ApprovalFlow.Engine.Expressions;

internal sealed class MemberNode(ExpressionNode target, string propertyName) : ExpressionNode
{
    protected override object? EvaluateCore(JsonObject variables) =>
        ValueSemantics.GetProperty(target.Evaluate(variables), propertyName);
}
