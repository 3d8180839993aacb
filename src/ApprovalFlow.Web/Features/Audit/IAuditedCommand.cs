namespace ApprovalFlow.Web.Features.Audit;

/// <summary>
/// A command that names what it acts on (a project, a case, a step), so that the audit log can be read
/// per subject. Commands without it are recorded under their name only.
/// </summary>
public interface IAuditedCommand
{
    /// <summary>e.g. <c>project</c>, <c>case</c>, <c>step</c>.</summary>
    string SubjectType { get; }

    string? SubjectId { get; }
}
