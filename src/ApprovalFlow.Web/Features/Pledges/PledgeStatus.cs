namespace ApprovalFlow.Web.Features.Pledges;

/// <summary>Signed → Kept, or Signed → Broken → Revoked (what the pledge allowed has been taken back).</summary>
public enum PledgeStatus
{
    Signed = 0,
    Kept = 1,
    Broken = 2,
    Revoked = 3,
}
