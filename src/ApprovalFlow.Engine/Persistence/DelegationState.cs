namespace ApprovalFlow.Engine.Persistence;

public enum DelegationState
{
    None = 0,
    Pending = 1,
    Resolved = 2,
}
