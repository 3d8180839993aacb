namespace ApprovalFlow.Engine.Persistence;

public enum HumanTaskStatus
{
    Open = 0,
    Completed = 1,
    Cancelled = 2,
}
