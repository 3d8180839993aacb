namespace ApprovalFlow.Web.Features.Audit;

/// <summary>An entry as the API shows it; <see cref="Data"/> is the exact text that was hashed.</summary>
public sealed record AuditEntryResponse(
    long Sequence,
    DateTime At,
    string Actor,
    IReadOnlyList<string> ActorRoles,
    string Action,
    string? SubjectType,
    string? SubjectId,
    string Data,
    string Outcome,
    string? OutcomeMessage,
    string PreviousHash,
    string Hash)
{
    public static AuditEntryResponse From(AuditEntry e) => new(
        e.Sequence,
        e.At,
        e.Actor,
        e.ActorRoles.Split(',', StringSplitOptions.RemoveEmptyEntries),
        e.Action,
        e.SubjectType,
        e.SubjectId,
        e.Data,
        AuditOutcomes.Name(e.Outcome),
        e.OutcomeMessage,
        e.PreviousHash,
        e.Hash);
}

/// <summary>One page of entries, newest first.</summary>
public sealed record AuditPage(int Page, int PageSize, int Total, IReadOnlyList<AuditEntryResponse> Items);

public sealed record PingRequest(string? Note);
