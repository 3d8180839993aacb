namespace ApprovalFlow.Web.Features.Audit;

/// <summary>How a command ended. Stored as lower-case text so that a reader of the table needs no code.</summary>
public enum AuditOutcome
{
    /// <summary>The handler ran and its transaction committed together with the entry.</summary>
    Succeeded,

    /// <summary>A rule, a check or a conflict refused the command (the API answers 400/403/404/409/422); nothing changed.</summary>
    Refused,

    /// <summary>An unexpected error (the API answers 500); nothing changed.</summary>
    Failed,
}
