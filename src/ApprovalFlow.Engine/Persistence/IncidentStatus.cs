namespace ApprovalFlow.Engine.Persistence;

public enum IncidentStatus
{
    Open = 0,
    Resolved = 1,
}
