namespace ApprovalFlow.Web.Features.Audit;

/// <summary>The first place where the chain stops holding.</summary>
public sealed record AuditBrokenLink(long Sequence, AuditChainProblem Problem, string Detail);

/// <summary>
/// The result of walking the chain. <see cref="Count"/> is how many entries held before the first broken link
/// (all of them when intact). The head (last sequence and hash) is worth noting outside the database, e.g. in a
/// report: the chain alone cannot show that entries were cut off its end.
/// </summary>
public sealed record AuditVerification(
    bool Intact, long Count, long? HeadSequence, string? HeadHash, AuditBrokenLink? FirstBrokenLink)
{
    public override string ToString() => Intact
        ? $"Audit log intact: {Count} entries, head {HeadSequence?.ToString() ?? "-"} {HeadHash ?? ""}".TrimEnd()
        : $"Audit log BROKEN at sequence {FirstBrokenLink!.Sequence} ({FirstBrokenLink.Problem}): {FirstBrokenLink.Detail} "
          + $"({Count} entries before it hold)";
}
