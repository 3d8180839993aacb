namespace ApprovalFlow.Engine.Persistence;

/// <summary>A user task waiting for a person: an entity of its own, not a bookmark.</summary>
public sealed class HumanTaskRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid TokenId { get; set; }
    public required string ElementId { get; set; }
    public string? Name { get; set; }
    /// <summary>Comma-separated group names; matched exactly.</summary>
    public string? CandidateGroups { get; set; }
    public string? Assignee { get; set; }
    public HumanTaskStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DueAt { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? CompletedBy { get; set; }
}
