using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Pledges;
using ApprovalFlow.Web.Ui.Shell;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Credit;

public static class CreditStanding
{
    /// <summary>
    /// Why the enterprise may not use tolerated gaps or pledges now (an unrepaired credit record, or a broken pledge
    /// whose record was never repaired), or null when it may.
    /// </summary>
    public static async Task<string?> BlockOfAsync(this AppDbContext db, Guid enterpriseId, CancellationToken ct)
    {
        if (await db.Set<CreditRecord>().AnyAsync(r => r.EnterpriseId == enterpriseId && r.RepairedAt == null, ct))
        {
            return L.T("该企业有未修复的失信记录，须先由管理员办理信用修复", "the enterprise has an unrepaired credit record (失信记录); an administrator must repair its credit (信用修复) first");
        }
        var repairedPledges = db.Set<CreditRecord>().Where(r => r.EnterpriseId == enterpriseId && r.RepairedAt != null && r.PledgeId != null)
            .Select(r => r.PledgeId);
        if (await db.Set<Pledge>().AnyAsync(p => p.EnterpriseId == enterpriseId && p.BrokenAt != null && !repairedPledges.Contains(p.Id), ct))
        {
            return L.T("该企业曾违反承诺且尚未办理信用修复", "the enterprise broke an earlier pledge and its credit has not been repaired (信用修复)");
        }
        return null;
    }
}
