using System.Text.Json.Nodes;

namespace ApprovalFlow.Engine;

public sealed record DeployedDefinition(Guid Id, string Key, int Version, string? Name, DateTime DeployedAt);

public sealed record InstanceSnapshot(
    Guid Id,
    string DefinitionKey,
    int Version,
    string? BusinessKey,
    string Status,
    IReadOnlyList<string> ActiveElementIds,
    JsonObject Variables)
{
    public bool Suspended { get; init; }
    public string? EndReason { get; init; }
    public Guid DefinitionId { get; init; }
}

public sealed record TaskSnapshot(
    Guid Id,
    Guid InstanceId,
    string ElementId,
    string? Name,
    IReadOnlyList<string> CandidateGroups,
    string? Assignee,
    DateTime CreatedAt,
    DateTime? DueAt)
{
    public IReadOnlyList<string> CandidateUsers { get; init; } = [];
    public string? Owner { get; init; }
    public string Delegation { get; init; } = "none";
    public DateTime? FollowUpAt { get; init; }
}

public sealed record TaskComment(Guid Id, Guid TaskId, string Author, string Text, DateTime At);

public sealed record TaskAttachment(Guid Id, Guid TaskId, string FileName, string ContentType, long Size, string UploadedBy, DateTime At);

public sealed record TaskQuery(Guid? InstanceId = null, string? CandidateGroup = null, string? Assignee = null, string? CandidateUser = null);
