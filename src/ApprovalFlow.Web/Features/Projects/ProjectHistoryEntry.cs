namespace ApprovalFlow.Web.Features.Projects;

/// <summary>One change of a project, append-only: who, when, what changed from what to what, and why.</summary>
public sealed class ProjectHistoryEntry
{
    public const string Registered = "registered";
    public const string ListChanged = "list-changed";
    public const string PairedLeaderAssigned = "paired-leader-assigned";

    public required Guid Id { get; init; }

    public required Guid ProjectId { get; init; }

    public required DateTime At { get; init; }

    public required string By { get; init; }

    public required string Change { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? Reason { get; init; }
}
