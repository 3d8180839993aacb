namespace ApprovalFlow.Engine.Model;

/// <summary>A parsed, validated process: what the runtime executes. Immutable after parsing.</summary>
public sealed class ProcessModel
{
    public required string Key { get; init; }
    public string? Name { get; init; }
    public required FlowScope Root { get; init; }
    public required IReadOnlyDictionary<string, FlowNode> Nodes { get; init; }
    public required IReadOnlyDictionary<string, SequenceFlow> Flows { get; init; }

    /// <summary>Whether any element can ever own a stored timer (timer events, or retries of service tasks).</summary>
    public bool UsesTimers => usesTimers ??= Nodes.Values.Any(n => n.Trigger == EventTrigger.Timer || n.HandlerName is not null);

    /// <summary>Whether any element can ever wait for a message or a signal (both are stored as subscriptions).</summary>
    public bool UsesMessages => usesMessages ??= Nodes.Values.Any(n => n.Trigger is EventTrigger.Message or EventTrigger.Signal);

    private bool? usesTimers;
    private bool? usesMessages;

    public FlowNode Node(string id) =>
        Nodes.TryGetValue(id, out var n) ? n : throw new InvalidOperationException($"The model has no element '{id}'.");
}
