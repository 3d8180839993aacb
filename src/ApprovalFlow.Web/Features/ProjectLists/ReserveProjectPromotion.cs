using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.ProjectLists;

/// <summary>
/// The seed's automatic move (储备 → 拟新开工): once every pre-start approval step of a reserve project's case has
/// become effective (approved, or replaced by a pledge), the project moves to the planned new-start list by itself,
/// recorded in its history. Called by the <see cref="StepKeeper"/> after it brought the steps in line, inside the
/// transition's transaction, so the move commits with the step that caused it.
/// </summary>
public static class ReserveProjectPromotion
{
    public const string By = "system";

    public static async Task ApplyAsync(AppDbContext db, ApprovalCase approvalCase, DateTime now, CancellationToken ct)
    {
        if (approvalCase.Steps.Count == 0 || approvalCase.Steps.Any(s => s.EffectiveAt is null)) return;
        var project = await db.Set<Project>().SingleOrDefaultAsync(p => p.Id == approvalCase.ProjectId, ct);
        if (project is not { List: ProjectList.Reserve }) return;
        db.Add(project.MoveTo(ProjectList.PlannedNewStart,
            $"所有开工前审批已生效，自动转入拟新开工清单 (every pre-start approval of case {approvalCase.Id} is effective)", By, now));
    }
}
