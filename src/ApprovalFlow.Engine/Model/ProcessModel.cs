namespace ApprovalFlow.Engine.Model;

/// <summary>A parsed, validated process: what the runtime executes. Immutable after parsing.</summary>
public sealed class ProcessModel
{
    public required string Key { get; init; }
    public string? Name { get; init; }
    public required FlowScope Root { get; init; }
    public required IReadOnlyDictionary<string, FlowNode> Nodes { get; init; }
    public required IReadOnlyDictionary<string, SequenceFlow> Flows { get; init; }

    public FlowNode Node(string id) =>
        Nodes.TryGetValue(id, out var n) ? n : throw new InvalidOperationException($"The model has no element '{id}'.");
}
