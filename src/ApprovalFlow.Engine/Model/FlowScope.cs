namespace ApprovalFlow.Engine.Model;

/// <summary>The process itself or an embedded sub-process: a set of nodes with its own start.</summary>
public sealed class FlowScope(string id, FlowNode? owner)
{
    public string Id { get; } = id;
    /// <summary>The sub-process node that owns this scope; null for the process.</summary>
    public FlowNode? Owner { get; } = owner;
    public List<FlowNode> Nodes { get; } = [];
    /// <summary>The none start event; a process may instead (or also) start by message.</summary>
    public FlowNode? Start { get; set; }
    public List<FlowNode> MessageStarts { get; } = [];
    /// <summary>Signal start events (top level): a broadcast of their signal starts a new instance.</summary>
    public List<FlowNode> SignalStarts { get; } = [];
}
