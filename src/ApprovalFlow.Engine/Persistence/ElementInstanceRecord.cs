namespace ApprovalFlow.Engine.Persistence;

/// <summary>One visit of a token to one element: when it started and ended, how, and who acted. Behind diagram overlays and durations.</summary>
public sealed class ElementInstanceRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid TokenId { get; set; }
    public required string ElementId { get; set; }
    public required string ElementType { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    /// <summary>completed, passed, joined, cancelled, interrupted, terminated, sent-back, ...; null while open.</summary>
    public string? Outcome { get; set; }
    public string? Actor { get; set; }
}
