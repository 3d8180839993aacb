using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Audit;

public static class AuditOutcomes
{
    public const int MessageLength = 2000;

    public static string Name(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Succeeded => "succeeded",
        AuditOutcome.Refused => "refused",
        AuditOutcome.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static AuditOutcome Parse(string name) => name switch
    {
        "succeeded" => AuditOutcome.Succeeded,
        "refused" => AuditOutcome.Refused,
        "failed" => AuditOutcome.Failed,
        _ => throw new FormatException($"'{name}' is not an audit outcome."),
    };

    /// <summary>
    /// A refusal is an exception the API answers with 400/403/404/409/422: every exception type of ApprovalFlow's
    /// own (the engine's and the features', thrown on purpose for a rule) and the framework's listed here. Its
    /// message is meant for the caller and is kept. Anything else is a failure (500), recorded by type only: an
    /// unexpected message may carry internals (SQL, paths, connection details) that do not belong in a permanent log.
    /// </summary>
    public static (AuditOutcome Outcome, string Message) Classify(Exception exception) => exception switch
    {
        _ when IsOwn(exception.GetType())
            => (AuditOutcome.Refused, Shorten(exception.Message)),
        DbUpdateConcurrencyException or BadHttpRequestException or ValidationException or UnauthorizedAccessException
            => (AuditOutcome.Refused, Shorten(exception.Message)),
        OperationCanceledException => (AuditOutcome.Failed, "Cancelled before it finished."),
        _ => (AuditOutcome.Failed, $"Unexpected {exception.GetType().FullName}."),
    };

    /// <summary>
    /// A handler may also say no by returning a result that carries a refusal, decided before it wrote anything
    /// (the convention of Features/Projects: a non-null <c>Refusal</c> property with a <c>Detail</c>).
    /// Returns the refusal's detail, or null when the response is not a refusal.
    /// </summary>
    public static string? RefusalIn<TResponse>(TResponse response)
    {
        if (response is null || RefusalProperty<TResponse>.Refusal is not { } property) return null;
        var refusal = property.GetValue(response);
        if (refusal is null) return null;
        var detail = refusal.GetType().GetProperty("Detail")?.GetValue(refusal) as string;
        return Shorten(string.IsNullOrWhiteSpace(detail) ? refusal.ToString() ?? "Refused." : detail);
    }

    private static bool IsOwn(Type type) =>
        type.Namespace?.StartsWith("ApprovalFlow.", StringComparison.Ordinal) == true;

    private static string Shorten(string message) =>
        message.Length <= MessageLength ? message : message[..(MessageLength - 1)] + "…";

    // Looked up once per response type.
    private static class RefusalProperty<TResponse>
    {
        public static readonly PropertyInfo? Refusal =
            typeof(TResponse).GetProperty("Refusal", BindingFlags.Public | BindingFlags.Instance) is { CanRead: true } p
            && !p.PropertyType.IsValueType
                ? p
                : null;
    }
}
