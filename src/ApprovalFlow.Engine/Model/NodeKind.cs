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
    /// <summary>
    /// A sub-process with <c>triggeredByEvent="true"</c>: no flows in or out; its one start event (message, timer, signal
    /// or error) is armed while its enclosing scope runs, and starts it, interrupting that scope or beside it.
    /// </summary>
    EventSubProcess,
}
