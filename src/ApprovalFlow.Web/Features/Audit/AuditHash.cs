using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ApprovalFlow.Web.Features.Audit;

/// <summary>
/// The canonical form of an entry and its SHA-256. The form is plain text that any tool can rebuild
/// (docs/audit.md): a version line, then one line per field in a fixed order, each either <c>~</c> (null)
/// or <c>&lt;UTF-8 byte length&gt;:&lt;value&gt;</c>, so no value can be mistaken for a separator.
/// </summary>
public static class AuditHash
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public const string FormatVersion = "approvalflow-audit/1";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>PostgreSQL keeps microseconds, SQL Server and SQLite keep ticks: hash only what all three keep.</summary>
    public static DateTime ToStoredPrecision(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    public static string FormatTime(DateTime utc) => utc.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static string Canonical(AuditEntry entry)
    {
        var text = new StringBuilder(FormatVersion).Append('\n');
        Field(text, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, FormatTime(entry.At));
        Field(text, entry.Actor);
        Field(text, entry.ActorRoles);
        Field(text, entry.Action);
        Field(text, entry.SubjectType);
        Field(text, entry.SubjectId);
        Field(text, entry.Data);
        Field(text, AuditOutcomes.Name(entry.Outcome));
        Field(text, entry.OutcomeMessage);
        Field(text, entry.PreviousHash);
        return text.ToString();
    }

    public static string Compute(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(entry))));

    private static void Field(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("~\n");
            return;
        }
        text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture))
            .Append(':').Append(value).Append('\n');
    }
}
