namespace ApprovalFlow.Engine.Model;

public enum NodeKind
{
    StartEvent,
    EndEvent,
    UserTask,
    ServiceTask,
    ExclusiveGateway,
    ParallelGateway,
    InclusiveGateway,
    IntermediateCatchEvent,
    IntermediateThrowEvent,
    BoundaryEvent,
    SubProcess,
    EventBasedGateway,
    CallActivity,
    /// <summary>An abstract <c>task</c> or a <c>manualTask</c>: nothing for the engine to do, the token passes straight through.</summary>
    PassThroughTask,
    /// <summary>A <c>receiveTask</c>: waits for its message, like a message intermediate catch event, and may carry boundary events.</summary>
    ReceiveTask,
}
