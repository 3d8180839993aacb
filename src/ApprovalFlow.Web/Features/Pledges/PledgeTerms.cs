namespace ApprovalFlow.Web.Features.Pledges;

/// <summary>The words the API uses for schemes, statuses and verification methods.</summary>
public static class PledgeTerms
{
    public const string SchemeChoices = "tolerated-gap, pledge-system, standard-land";
    public const string MethodChoices = "written, online, site, public-notice";
    public const string ResultChoices = "kept, broken";

    public static string Term(this PledgeScheme scheme) => scheme switch
    {
        PledgeScheme.ToleratedGap => "tolerated-gap",
        PledgeScheme.PledgeSystem => "pledge-system",
        PledgeScheme.StandardLand => "standard-land",
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, null),
    };

    /// <summary>The status as a person reads it in Chinese, for refusals.</summary>
    public static string Chinese(this PledgeStatus status) => status switch
    {
        PledgeStatus.Signed => "已签署",
        PledgeStatus.Kept => "已履行",
        PledgeStatus.Broken => "已违诺",
        PledgeStatus.Revoked => "已撤回",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Term(this PledgeStatus status) => status switch
    {
        PledgeStatus.Signed => "signed",
        PledgeStatus.Kept => "kept",
        PledgeStatus.Broken => "broken",
        PledgeStatus.Revoked => "revoked",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Term(this VerificationMethod method) => method switch
    {
        VerificationMethod.Written => "written",
        VerificationMethod.Online => "online",
        VerificationMethod.Site => "site",
        VerificationMethod.PublicNotice => "public-notice",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static bool TryReadScheme(string? text, out PledgeScheme scheme) =>
        TryRead(text, [PledgeScheme.ToleratedGap, PledgeScheme.PledgeSystem, PledgeScheme.StandardLand], s => s.Term(), out scheme);

    public static bool TryReadMethod(string? text, out VerificationMethod method) =>
        TryRead(text, [VerificationMethod.Written, VerificationMethod.Online, VerificationMethod.Site, VerificationMethod.PublicNotice],
            m => m.Term(), out method);

    /// <summary>True for kept, false for broken, null otherwise.</summary>
    public static bool? ReadKept(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "kept" => true,
        "broken" => false,
        _ => null,
    };

    private static bool TryRead<T>(string? text, T[] values, Func<T, string> term, out T value) where T : struct
    {
        var key = text?.Trim().Replace('_', '-');
        foreach (var candidate in values)
        {
            if (string.Equals(term(candidate), key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), key, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
