namespace ApprovalFlow.Engine.Model;

/// <summary>An element a token can be at: an event, an activity or a gateway.</summary>
public sealed class FlowNode
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    /// <summary>For a user task whose name holds <c>${...}</c> expressions: the name as a template, rendered when the task is created.</summary>
    public Expressions.TextTemplate? NameTemplate { get; init; }
    public required NodeKind Kind { get; init; }
    /// <summary>The BPMN element name, e.g. <c>userTask</c>, for messages and history.</summary>
    public required string ElementType { get; init; }
    public int? Line { get; init; }
    public required FlowScope Scope { get; init; }

    public List<SequenceFlow> Incoming { get; } = [];
    public List<SequenceFlow> Outgoing { get; } = [];
    public SequenceFlow? DefaultFlow { get; set; }

    public EventTrigger Trigger { get; init; }
    public TimerDefinition? Timer { get; init; }
    public string? MessageName { get; init; }
    /// <summary>Signal events: the signal's name.</summary>
    public string? SignalName { get; init; }

    /// <summary>The subscription name a catch waits under: a message's name, or a signal's behind <see cref="SignalPrefix"/>.</summary>
    public string? SubscriptionName => Trigger == EventTrigger.Signal ? SignalPrefix + SignalName : MessageName;

    /// <summary>Signal subscriptions and signal starts are stored beside message ones, their names behind this prefix.</summary>
    public const string SignalPrefix = "signal:";

    /// <summary>The extension attribute (<c>af:scope</c>) that keeps a signal throw within its own instance, and its one value.</summary>
    public const string SignalScopeAttribute = "scope";
    public const string InstanceSignalScope = "instance";

    /// <summary>
    /// A signal throw (intermediate or end) marked <c>af:scope="instance"</c>: its signal reaches only the catches of its own
    /// instance, at once, inside the throwing transition (not a broadcast after commit).
    /// </summary>
    public bool ThrowsWithinInstance => Trigger == EventTrigger.Signal && Kind is (NodeKind.IntermediateThrowEvent or NodeKind.EndEvent)
        && Extensions.TryGetValue(SignalScopeAttribute, out var scope) && scope.Trim() == InstanceSignalScope;

    /// <summary>For boundary events: the activity it sits on, and whether firing cancels it.</summary>
    public FlowNode? AttachedTo { get; set; }
    public bool CancelActivity { get; init; } = true;
    public List<FlowNode> BoundaryEvents { get; } = [];

    /// <summary>Error end: the code it throws. Error boundary: the code it catches; null catches every error.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Escalation throw: the code it throws. Escalation catch: the code it catches; null catches every escalation.</summary>
    public string? EscalationCode { get; init; }

    /// <summary>Link events: the name that pairs a throw with its catch; for a throw, the catch it jumps to.</summary>
    public string? LinkName { get; init; }
    public FlowNode? LinkTarget { get; set; }

    public MultiInstanceDefinition? MultiInstance { get; init; }

    /// <summary>Call activity: the key of the definition to start, and the variables passed in and out.</summary>
    public string? CalledElement { get; init; }
    public IReadOnlyList<VariableMapping> Inputs { get; init; } = [];
    public IReadOnlyList<VariableMapping> Outputs { get; init; } = [];

    public TaskAssignment Assignment { get; init; } = TaskAssignment.None;
    public string? HandlerName { get; init; }
    /// <summary>Send task or message throw: the messages its collaboration's message flows carry, delivered when it completes.</summary>
    public IReadOnlyList<string> SendsMessages { get; init; } = [];

    /// <summary>For an embedded sub-process: its own scope of nodes.</summary>
    public FlowScope? Inner { get; set; }

    /// <summary>Extension attributes by local name (the project's own namespace), e.g. stepCode, timeLimitDays.</summary>
    public IReadOnlyDictionary<string, string> Extensions { get; init; } = new Dictionary<string, string>();

    public bool IsGateway => Kind is NodeKind.ExclusiveGateway or NodeKind.ParallelGateway or NodeKind.InclusiveGateway or NodeKind.EventBasedGateway;

    public override string ToString() => $"{ElementType} '{Id}'";
}
