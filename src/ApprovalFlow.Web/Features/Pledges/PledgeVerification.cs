namespace ApprovalFlow.Web.Features.Pledges;

/// <summary>One after-the-fact check of a pledge (事后核查) by a department: how, with what result, by whom.</summary>
public sealed class PledgeVerification
{
    private PledgeVerification()
    {
    }

    public PledgeVerification(Guid pledgeId, VerificationMethod method, bool kept, string? note, DateTime verifiedAt, string verifiedBy)
    {
        Id = Guid.NewGuid();
        PledgeId = pledgeId;
        Method = method;
        Kept = kept;
        Note = note;
        VerifiedAt = verifiedAt;
        VerifiedBy = verifiedBy;
    }

    public Guid Id { get; private set; }
    public Guid PledgeId { get; private set; }
    public VerificationMethod Method { get; private set; }
    public bool Kept { get; private set; }
    public string? Note { get; private set; }
    public DateTime VerifiedAt { get; private set; }
    public string VerifiedBy { get; private set; } = "";
}
