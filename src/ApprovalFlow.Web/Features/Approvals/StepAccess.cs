using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Access;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

public static class StepAccess
{
    /// <summary>A step that only an officer of its department may act on; an enterprise sees another's step as missing.</summary>
    public static async Task<ApprovalStep> StepForDepartmentOfficerAsync(this AppDbContext db, Actor actor, Guid stepId, CancellationToken ct)
    {
        var step = await db.Set<ApprovalStep>().Include(s => s.Pauses).SingleOrDefaultAsync(s => s.Id == stepId, ct)
            ?? throw RefusedException.NotFound(Ui.Shell.L.T("该审批环节不存在或您无权查看。", $"Step {stepId} does not exist."));
        var caller = await CallerScope.LoadAsync(db, actor, ct);
        var approvalCase = await db.Set<ApprovalCase>().Where(c => c.Id == step.CaseId)
            .Select(c => new { c.EnterpriseId, c.CountyCode }).SingleAsync(ct);
        if ((caller.Is(AppRoles.Enterprise) && caller.EnterpriseId != approvalCase.EnterpriseId)
            || (caller.Is(AppRoles.Officer) && !caller.SeesCounty(approvalCase.CountyCode)))
        {
            throw RefusedException.NotFound(Ui.Shell.L.T("该审批环节不存在或您无权查看。", $"Step {stepId} does not exist."));
        }
        if (caller.OfficerDepartment != step.Department)
        {
            throw RefusedException.Forbidden(Ui.Shell.L.T($"“{step.Name}”环节属于 {step.Department}，只有该部门的工作人员可以操作。",
                $"Step {step.StepCode} belongs to {step.Department}; only an officer of that department may act on it."));
        }
        return step;
    }
}
