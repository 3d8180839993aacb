namespace ApprovalFlow.Engine.Model;

/// <summary>What an event waits for or does; <see cref="None"/> for plain start, end and throw events.</summary>
public enum EventTrigger
{
    None,
    Timer,
    Message,
    Terminate,
    Error,
    /// <summary>A link event: a throw jumps to the catch of the same name in the same scope (an off-page connector).</summary>
    Link,
    /// <summary>A signal: thrown, it is broadcast to every waiting catch and signal start; caught, it waits for one.</summary>
    Signal,
    /// <summary>An escalation: thrown, it is caught by the nearest escalation boundary event or event sub-process around it, interrupting or not.</summary>
    Escalation,
}
