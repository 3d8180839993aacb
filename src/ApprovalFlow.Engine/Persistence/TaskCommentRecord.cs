namespace ApprovalFlow.Engine.Persistence;

public sealed class TaskCommentRecord
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }
    public Guid InstanceId { get; set; }
    public required string Author { get; set; }
    public required string Text { get; set; }
    public DateTime At { get; set; }
}
