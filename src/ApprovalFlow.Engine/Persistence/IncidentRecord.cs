namespace ApprovalFlow.Engine.Persistence;

/// <summary>A service task that failed on every attempt: the case waits there until an administrator retries or resolves it.</summary>
public sealed class IncidentRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid TokenId { get; set; }
    public required string ElementId { get; set; }
    public required string Message { get; set; }
    public string? Details { get; set; }
    public int Attempts { get; set; }
    public IncidentStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Resolution { get; set; }
}
