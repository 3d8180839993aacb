namespace ApprovalFlow.Engine.Model;

/// <summary>What an event waits for or does; <see cref="None"/> for plain start, end and throw events.</summary>
public enum EventTrigger
{
    None,
    Timer,
    Message,
    Terminate,
    Error,
}
