namespace ApprovalFlow.Web.Features.Audit;

/// <summary>What a caller asks the log to record; the log adds the sequence, the time and the hashes.</summary>
public sealed record AuditRecord(
    string Actor,
    string ActorRoles,
    string Action,
    string? SubjectType,
    string? SubjectId,
    string Data,
    AuditOutcome Outcome,
    string? OutcomeMessage)
{
    public static AuditRecord Of(object command, AuditActor actor, AuditOutcome outcome, string? outcomeMessage)
    {
        var subject = command as IAuditedCommand;
        return new AuditRecord(
            Fit(actor.Name, 256),
            Fit(actor.Roles, 500),
            Fit(ActionName(command.GetType()), 200),
            subject is null ? null : Fit(subject.SubjectType, 100),
            subject?.SubjectId is { } id ? Fit(id, 200) : null,
            AuditData.Summarise(command),
            outcome,
            outcomeMessage);
    }

    /// <summary><c>RegisterProjectCommand</c> → <c>RegisterProject</c>.</summary>
    public static string ActionName(Type command)
    {
        var name = command.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0) name = name[..tick];
        return name.EndsWith("Command", StringComparison.Ordinal) && name.Length > "Command".Length
            ? name[..^"Command".Length]
            : name;
    }

    // The columns' lengths: a long value is cut rather than failing the command it records.
    internal static string Fit(string value, int length) => value.Length <= length ? value : value[..length];
}
