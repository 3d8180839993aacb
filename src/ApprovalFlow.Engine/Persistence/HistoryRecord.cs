namespace ApprovalFlow.Engine.Persistence;

/// <summary>Append-only log of what happened in an instance, element by element.</summary>
public sealed class HistoryRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public string? ElementId { get; set; }
    public string? ElementType { get; set; }
    public required string Event { get; set; }
    public Guid? TokenId { get; set; }
    public string? Actor { get; set; }
    public string? Detail { get; set; }
    public DateTime At { get; set; }
}
