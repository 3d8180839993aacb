namespace ApprovalFlow.Web.Features.Documents;

/// <summary>The documents a step's history gives rise to (docs/documents.md).</summary>
public enum DocumentKind
{
    /// <summary>受理通知书: the step was accepted.</summary>
    Acceptance = 0,
    /// <summary>容缺受理通知书: accepted with a tolerated gap; names the missing materials, the pledge and the supplement deadline.</summary>
    GapAcceptance = 1,
    /// <summary>补正告知书: one per return for correction, with its reasons.</summary>
    Correction = 2,
    /// <summary>准予行政许可决定书: approved, and its result issued.</summary>
    Approval = 3,
    /// <summary>不予行政许可决定书: rejected, with its reasons.</summary>
    Rejection = 4,
}

public static class DocumentKinds
{
    public static readonly IReadOnlyList<DocumentKind> All = Enum.GetValues<DocumentKind>();

    /// <summary>The API's name of a kind (the path segment of a download).</summary>
    public static string Term(this DocumentKind kind) => kind switch
    {
        DocumentKind.Acceptance => "acceptance",
        DocumentKind.GapAcceptance => "gap-acceptance",
        DocumentKind.Correction => "correction",
        DocumentKind.Approval => "approval",
        DocumentKind.Rejection => "rejection",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The document's Chinese title, as printed on it.</summary>
    public static string Title(this DocumentKind kind) => kind switch
    {
        DocumentKind.Acceptance => "受理通知书",
        DocumentKind.GapAcceptance => "容缺受理通知书",
        DocumentKind.Correction => "补正告知书",
        DocumentKind.Approval => "准予行政许可决定书",
        DocumentKind.Rejection => "不予行政许可决定书",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string TitleEn(this DocumentKind kind) => kind switch
    {
        DocumentKind.Acceptance => "Notice of acceptance",
        DocumentKind.GapAcceptance => "Notice of acceptance with a tolerated gap",
        DocumentKind.Correction => "Notice to correct the application",
        DocumentKind.Approval => "Decision to grant the licence",
        DocumentKind.Rejection => "Decision to refuse the licence",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The command whose audit entry a document of this kind rests on.</summary>
    public static string AuditAction(this DocumentKind kind) =>
        kind is DocumentKind.Acceptance or DocumentKind.GapAcceptance ? "AcceptStep" : "DecideStep";

    public static bool TryRead(string? term, out DocumentKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Term(), term?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
