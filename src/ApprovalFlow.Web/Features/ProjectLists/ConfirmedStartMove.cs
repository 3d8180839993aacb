using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.ProjectLists;

/// <summary>
/// The seed's move to 在建: when development and reform confirms that a case's project meets the start conditions
/// (the case completes with its <c>confirm-start</c> task's approved variable true), the project moves from the reserve
/// or planned new-start list to the under-construction list, recorded in its history. Called by the
/// <see cref="StepKeeper"/> inside the transition, so the move commits with the confirmation.
/// </summary>
public static class ConfirmedStartMove
{
    public const string By = "system";

    public static async Task ApplyAsync(AppDbContext db, ApprovalCase approvalCase, TransitionReport report, CaseModel model, CancellationToken ct)
    {
        if (!report.Ended || report.Status != "completed") return;
        var confirmed = model.WithRole(TaskRole.ConfirmStart)
            .Select(e => e.Extensions.GetValueOrDefault(ApprovalRoles.ApprovedVariable))
            .Any(variable => variable is not null && report.Variables[variable]?.GetValue<bool>() == true);
        if (!confirmed) return;
        var project = await db.Set<Project>().SingleOrDefaultAsync(p => p.Id == approvalCase.ProjectId, ct);
        if (project is not { List: ProjectList.Reserve or ProjectList.PlannedNewStart }) return;
        db.Add(project.MoveTo(ProjectList.UnderConstruction,
            $"开工条件确认通过，转入在建清单 (start conditions confirmed in case {approvalCase.Id})", By, report.At));
    }
}
