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
    /// <summary>Comma-separated user ids who may claim it besides the groups; stored with leading and trailing commas.</summary>
    public string? CandidateUsers { get; set; }
    public string? Assignee { get; set; }
    /// <summary>Who delegated the task and gets it back when the delegate resolves it.</summary>
    public string? Owner { get; set; }
    public DelegationState Delegation { get; set; }
    public DateTime? FollowUpAt { get; set; }
    public HumanTaskStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DueAt { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? CompletedBy { get; set; }
}
