using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ApprovalFlow.Web.Features.Pledges;

/// <summary>Seals what was pledged: SHA-256 over a canonical JSON array of the pledged fields in a fixed order.</summary>
public static class PledgeHash
{
    /// <summary>Microseconds: the finest time every provider stores, so a value read back hashes the same.</summary>
    public static DateTime Canonical(DateTime at)
    {
        var utc = DateTime.SpecifyKind(at, DateTimeKind.Utc);
        return new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
    }

    public static string Of(Pledge pledge) => Of(
        pledge.ProjectId, pledge.EnterpriseId, pledge.Scheme, pledge.StepCode, pledge.Text, pledge.SignedAt, pledge.SignedBy);

    public static string Of(Guid projectId, Guid enterpriseId, PledgeScheme scheme, string? stepCode, string text, DateTime signedAt, string signedBy)
    {
        string?[] fields =
        [
            "approvalflow-pledge-v1",
            projectId.ToString("D"),
            enterpriseId.ToString("D"),
            scheme.Term(),
            stepCode,
            text,
            Canonical(signedAt).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            signedBy,
        ];
        var bytes = JsonSerializer.SerializeToUtf8Bytes(fields);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public static bool IsValid(Pledge pledge) =>
        string.Equals(Of(pledge), pledge.Hash, StringComparison.Ordinal);
}
