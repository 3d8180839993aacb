namespace ApprovalFlow.Web.Features.Audit;

/// <summary>
/// One line of the append-only audit log (审计日志): who did what, when, to which subject, and how it ended.
/// Each entry carries the hash of the one before it, so that a changed, removed or inserted row breaks the chain.
/// There is deliberately no way to change or remove an entry in code.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    /// <summary>1, 2, 3, … without gaps: the position in the chain.</summary>
    public long Sequence { get; private init; }

    /// <summary>UTC, truncated to whole microseconds so that every provider stores exactly what was hashed.</summary>
    public DateTime At { get; private init; }

    /// <summary>The user's email (else user name), "system" for jobs, "anonymous" for an unauthenticated request.</summary>
    public string Actor { get; private init; } = "";

    /// <summary>The actor's roles when they acted, comma-separated in ordinal order.</summary>
    public string ActorRoles { get; private init; } = "";

    /// <summary>The command's name without its "Command" suffix, e.g. <c>RegisterProject</c>.</summary>
    public string Action { get; private init; } = "";

    public string? SubjectType { get; private init; }

    public string? SubjectId { get; private init; }

    /// <summary>The command's fields as JSON, secrets masked and opted-out fields left out.</summary>
    public string Data { get; private init; } = "{}";

    public AuditOutcome Outcome { get; private init; }

    /// <summary>Why a command was refused (its message) or which error made it fail; null when it succeeded.</summary>
    public string? OutcomeMessage { get; private init; }

    public string PreviousHash { get; private init; } = AuditHash.Genesis;

    /// <summary>SHA-256 over the canonical form of every other field (see <see cref="AuditHash"/>), lower-case hex.</summary>
    public string Hash { get; private set; } = "";

    public static AuditEntry Chain(long sequence, DateTime at, AuditRecord record, string previousHash)
    {
        var entry = new AuditEntry
        {
            Sequence = sequence,
            At = AuditHash.ToStoredPrecision(at),
            Actor = record.Actor,
            ActorRoles = record.ActorRoles,
            Action = record.Action,
            SubjectType = record.SubjectType,
            SubjectId = record.SubjectId,
            Data = record.Data,
            Outcome = record.Outcome,
            OutcomeMessage = record.OutcomeMessage,
            PreviousHash = previousHash,
        };
        entry.Hash = AuditHash.Compute(entry);
        return entry;
    }
}
