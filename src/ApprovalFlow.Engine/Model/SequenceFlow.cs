using ApprovalFlow.Engine.Expressions;

namespace ApprovalFlow.Engine.Model;

public sealed class SequenceFlow
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required FlowNode Source { get; init; }
    public required FlowNode Target { get; init; }
    public ConditionExpression? Condition { get; init; }
    public int? Line { get; init; }
}
