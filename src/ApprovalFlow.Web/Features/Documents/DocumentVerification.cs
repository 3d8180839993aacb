namespace ApprovalFlow.Web.Features.Documents;

/// <summary>
/// The verification code (核验码) of one generated document: which step's history entry it was generated from, and
/// the audit entry of the command that made that entry. Written the first time the document is generated; every later
/// download of the same document carries the same code. Never changed.
/// </summary>
public sealed class DocumentVerification
{
    private DocumentVerification()
    {
    }

    public DocumentVerification(string code, DocumentKind kind, Guid caseId, Guid stepId, long changeId, long? auditSequence, DateTime issuedAt)
    {
        Code = code;
        Kind = kind;
        CaseId = caseId;
        StepId = stepId;
        ChangeId = changeId;
        AuditSequence = auditSequence;
        IssuedAt = issuedAt;
    }

    /// <summary>26 lower-case base32 characters (128 random bits): the key, and the last segment of the verification URL.</summary>
    public string Code { get; private set; } = "";
    public DocumentKind Kind { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid StepId { get; private set; }
    /// <summary>The <see cref="Approvals.StepStatusChange"/> the document states.</summary>
    public long ChangeId { get; private set; }
    /// <summary>The audit log entry (its sequence) of the command that made that change; null when none was found.</summary>
    public long? AuditSequence { get; private set; }
    /// <summary>When the document was first generated (UTC).</summary>
    public DateTime IssuedAt { get; private set; }

    public const int CodeLength = 26;

    /// <summary>A new random code.</summary>
    public static string NewCode()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(17);
        var text = new char[CodeLength];
        var bits = 0;
        var buffer = 0;
        var at = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5 && at < CodeLength)
            {
                bits -= 5;
                text[at++] = alphabet[(buffer >> bits) & 31];
            }
        }
        return new string(text);
    }
}
