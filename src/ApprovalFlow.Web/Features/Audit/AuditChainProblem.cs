using System.Text.Json.Serialization;

namespace ApprovalFlow.Web.Features.Audit;

[JsonConverter(typeof(JsonStringEnumConverter<AuditChainProblem>))]
public enum AuditChainProblem
{
    /// <summary>An entry is missing: removed, or never committed by a tamperer who renumbered.</summary>
    [JsonStringEnumMemberName("gap")]
    Gap,

    /// <summary>A sequence number that cannot be in the chain (below 1, or not after its predecessor).</summary>
    [JsonStringEnumMemberName("unexpected-sequence")]
    UnexpectedSequence,

    /// <summary>The entry does not name the hash of the entry before it: something was inserted or re-chained.</summary>
    [JsonStringEnumMemberName("previous-hash-mismatch")]
    PreviousHashMismatch,

    /// <summary>The entry's fields no longer give its stored hash: it was edited.</summary>
    [JsonStringEnumMemberName("hash-mismatch")]
    HashMismatch,
}
