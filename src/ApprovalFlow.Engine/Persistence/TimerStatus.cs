namespace ApprovalFlow.Engine.Persistence;

public enum TimerStatus
{
    Pending = 0,
    Fired = 1,
    Cancelled = 2,
}
