namespace ApprovalFlow.Web.Features.Pledges;

/// <summary>
/// A pledge (承诺书) an enterprise signed for one of its projects. What was pledged (project, enterprise, scheme,
/// step, text, signing) never changes after signing and is sealed by <see cref="Hash"/>; only its status moves.
/// </summary>
public sealed class Pledge
{
    private Pledge()
    {
    }

    public Pledge(Guid projectId, Guid enterpriseId, PledgeScheme scheme, string? stepCode, string text, DateTime signedAt, string signedBy)
    {
        Id = Guid.NewGuid();
        ProjectId = projectId;
        EnterpriseId = enterpriseId;
        Scheme = scheme;
        StepCode = stepCode;
        Text = text;
        SignedAt = PledgeHash.Canonical(signedAt);
        SignedBy = signedBy;
        Hash = PledgeHash.Of(this);
        // Pledge systems publish the pledge on the government website; a tolerated-gap pledge stays with the department.
        Published = scheme is PledgeScheme.PledgeSystem or PledgeScheme.StandardLand;
        Status = PledgeStatus.Signed;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid EnterpriseId { get; private set; }
    public PledgeScheme Scheme { get; private set; }
    public string? StepCode { get; private set; }
    public string Text { get; private set; } = "";
    public DateTime SignedAt { get; private set; }
    public string SignedBy { get; private set; } = "";
    /// <summary>SHA-256 (hex) over the canonical form of what was pledged.</summary>
    public string Hash { get; private set; } = "";
    public bool Published { get; private set; }
    public PledgeStatus Status { get; private set; }
    public DateTime? KeptAt { get; private set; }
    public DateTime? BrokenAt { get; private set; }
    public string? BreachReason { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    /// <summary>Counts the pledge's status changes; a concurrency token (two verifiers at once: the second is refused).</summary>
    public int Revision { get; private set; }

    public bool IsInForce => Status is PledgeStatus.Signed or PledgeStatus.Kept;

    public void Keep(DateTime at)
    {
        if (Status != PledgeStatus.Signed) return;
        Status = PledgeStatus.Kept;
        KeptAt = at;
        Revision++;
    }

    public void Break(DateTime at, string reason)
    {
        Status = PledgeStatus.Broken;
        BrokenAt = at;
        Revision++;
        BreachReason = reason;
    }

    public void Revoke(DateTime at)
    {
        Status = PledgeStatus.Revoked;
        RevokedAt = at;
    }
}
