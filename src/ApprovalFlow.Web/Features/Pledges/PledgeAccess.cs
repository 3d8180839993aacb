using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Access;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Gaps;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Pledges;

/// <summary>
/// Who may verify a pledge (事后核查) or record its breach (失信) — docs/security.md. Supervisors (and, for a breach,
/// administrators) for every pledge; an officer only for a pledge its own department relies on, in its county: a
/// tolerated-gap pledge by the department of the gap's step; a pledge for one step by that step's department; a
/// pledge-system pledge for the whole project by any department that may see one of the project's cases.
/// </summary>
public sealed class PledgeAccess(AppDbContext db, WorkflowEngine engine)
{
    public async Task RequireMayJudgeAsync(Actor actor, Pledge pledge, CancellationToken ct)
    {
        if (actor.IsAdministrator || actor.Roles.Contains(AppRoles.Supervisor)) return;
        var caller = await CallerScope.LoadAsync(db, actor, ct);
        if (caller.OfficerDepartment is not { } department)
        {
            throw RefusedException.Forbidden(L.T("只有核查部门的工作人员、督查人员或管理员可以核查承诺或认定失信。",
                "Only an officer of the checking department, a supervisor or an administrator verifies a pledge or records a breach."));
        }
        var county = await db.Set<Project>().Where(p => p.Id == pledge.ProjectId).Select(p => p.CountyCode).SingleAsync(ct);
        if (!caller.SeesCounty(county))
        {
            throw RefusedException.NotFound(L.T("该承诺书不存在或您无权查看。", $"No pledge has the id {pledge.Id}."));
        }
        if (!await ReliesOnAsync(caller, department, pledge, ct))
        {
            throw RefusedException.Forbidden(L.T(
                "该承诺不涉及您所在部门的审批事项；只有依赖该承诺的部门可以核查或认定失信。",
                "This pledge concerns no step of your department; only the department that relies on it may verify it or record its breach."));
        }
    }

    private async Task<bool> ReliesOnAsync(CallerScope caller, string department, Pledge pledge, CancellationToken ct)
    {
        if (pledge.Scheme == PledgeScheme.ToleratedGap
            && await db.Set<ToleratedGap>().Where(g => g.PledgeId == pledge.Id).Select(g => (Guid?)g.StepId).FirstOrDefaultAsync(ct) is { } stepId)
        {
            return await db.Set<ApprovalStep>().AnyAsync(s => s.Id == stepId && s.Department == department, ct);
        }
        var cases = db.Set<ApprovalCase>().Where(c => c.ProjectId == pledge.ProjectId).Select(c => c.Id);
        if (pledge.StepCode is { } stepCode)
        {
            var departments = await db.Set<ApprovalStep>().Where(s => cases.Contains(s.CaseId) && s.StepCode == stepCode)
                .Select(s => s.Department).Distinct().ToListAsync(ct);
            // Before any case has the step, the approval models say whose step it is.
            return departments.Count > 0 ? departments.Contains(department) : await ModelsGiveStepToAsync(stepCode, department, ct);
        }
        return await (await db.CasesVisibleToAsync(engine, caller.Actor, ct)).AnyAsync(c => c.ProjectId == pledge.ProjectId, ct);
    }

    private async Task<bool> ModelsGiveStepToAsync(string stepCode, string department, CancellationToken ct)
    {
        foreach (var definition in await engine.ListDefinitionsAsync(ct))
        {
            var elements = await engine.GetElementsAsync(definition.Id, ct);
            if (elements.Any(e => e.Extensions.GetValueOrDefault("stepCode") == stepCode && e.Extensions.GetValueOrDefault("department") == department))
            {
                return true;
            }
        }
        return false;
    }
}
