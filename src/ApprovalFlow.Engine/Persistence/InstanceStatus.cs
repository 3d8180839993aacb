namespace ApprovalFlow.Engine.Persistence;

public enum InstanceStatus
{
    Running = 0,
    Completed = 1,
    Terminated = 2,
}
