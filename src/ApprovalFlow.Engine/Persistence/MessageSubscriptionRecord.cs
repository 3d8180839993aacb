namespace ApprovalFlow.Engine.Persistence;

/// <summary>A message catch event (intermediate or boundary) waiting to be correlated.</summary>
public sealed class MessageSubscriptionRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid TokenId { get; set; }
    public required string ElementId { get; set; }
    public required string MessageName { get; set; }
    public string? BusinessKey { get; set; }
    public DateTime CreatedAt { get; set; }
}
