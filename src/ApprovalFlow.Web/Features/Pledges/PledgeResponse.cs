namespace ApprovalFlow.Web.Features.Pledges;

public sealed record PledgeVerificationResponse(Guid Id, string Method, string Result, string? Note, DateTime VerifiedAt, string VerifiedBy)
{
    public static PledgeVerificationResponse From(PledgeVerification v) =>
        new(v.Id, v.Method.Term(), v.Kept ? "kept" : "broken", v.Note, v.VerifiedAt.AsUtc(), v.VerifiedBy);
}

/// <summary>A pledge; <c>hashValid</c> is recomputed from the stored fields on every read.</summary>
public sealed record PledgeResponse(
    Guid Id, Guid ProjectId, Guid EnterpriseId, string Scheme, string? StepCode, string Text, DateTime SignedAt, string SignedBy,
    string Hash, bool HashValid, bool Published, string Status, DateTime? KeptAt, DateTime? BrokenAt, string? BreachReason,
    DateTime? RevokedAt, PledgeVerificationResponse[] Verifications)
{
    public static PledgeResponse From(Pledge p, IEnumerable<PledgeVerification>? verifications = null) => new(
        p.Id, p.ProjectId, p.EnterpriseId, p.Scheme.Term(), p.StepCode, p.Text, p.SignedAt.AsUtc(), p.SignedBy,
        p.Hash, PledgeHash.IsValid(p), p.Published, p.Status.Term(), p.KeptAt.AsUtc(), p.BrokenAt.AsUtc(), p.BreachReason,
        p.RevokedAt.AsUtc(), (verifications ?? []).OrderBy(v => v.VerifiedAt).Select(PledgeVerificationResponse.From).ToArray());
}
