namespace ApprovalFlow.Engine.Persistence;

public sealed class TaskAttachmentRecord
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }
    public Guid InstanceId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime At { get; set; }
}
