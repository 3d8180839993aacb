namespace ApprovalFlow.Engine.Model;

/// <summary>The process itself or an embedded sub-process: a set of nodes with its own start.</summary>
public sealed class FlowScope(string id, FlowNode? owner)
{
    public string Id { get; } = id;
    /// <summary>The sub-process node that owns this scope; null for the process.</summary>
    public FlowNode? Owner { get; } = owner;
    public List<FlowNode> Nodes { get; } = [];
    public FlowNode? Start { get; set; }
}
