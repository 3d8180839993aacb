using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Pledges;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Gaps;

/// <summary>
/// The enterprise supplies one missing material of its gap (补齐材料). Once every listed material has arrived the gap is
/// supplied, the pledge kept and the step's result issued; a step the deadline had suspended resumes where it stood.
/// </summary>
public sealed record SupplyMaterial(Actor Actor, Guid GapId, string? MaterialCode, string? Note, Guid? AttachmentId)
    : ICommand<ToleratedGapResponse>, IAuditedCommand
{
    public string SubjectType => "gap";

    public string? SubjectId => GapId.ToString();
}

public sealed class SupplyMaterialHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<SupplyMaterial, ToleratedGapResponse>
{
    public async ValueTask<ToleratedGapResponse> Handle(SupplyMaterial command, CancellationToken cancellationToken)
    {
        var gap = await db.Set<ToleratedGap>().Include(g => g.Materials).SingleOrDefaultAsync(g => g.Id == command.GapId, cancellationToken);
        var own = await db.EnterpriseOfAsync(command.Actor.UserId, cancellationToken);
        if (gap is null || (!command.Actor.IsAdministrator && gap.EnterpriseId != own))
        {
            throw RefusedException.NotFound(L.T("该容缺事项不存在或不属于贵单位。", $"No tolerated gap {command.GapId} of your enterprise."));
        }
        var code = command.MaterialCode?.Trim();
        if (string.IsNullOrEmpty(code) || gap.Materials.All(m => m.MaterialCode != code))
        {
            throw RefusedException.Invalid("materialCode", L.T($"请从本容缺事项所缺材料中选择一项：{string.Join("、", gap.Materials.Select(m => $"{m.Name}（{m.MaterialCode}）"))}。", $"Name one of the gap's missing materials: {string.Join(", ", gap.Materials.Select(m => m.MaterialCode))}."));
        }
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        if (note is { Length: > 2000 }) throw RefusedException.Invalid("note", L.T("说明最多 2000 个字符。", "The note has at most 2000 characters."));
        if (!gap.IsPending)
        {
            throw RefusedException.Conflict(L.T($"该容缺事项{GapStatusText(gap.Status)}；只有待补齐或已逾期的容缺事项可以补交材料。", $"The gap is {gap.Status.ToString().ToLowerInvariant()}; materials are supplied only while it is open or overdue."));
        }
        if (gap.Materials.Single(m => m.MaterialCode == code).SuppliedAt is not null)
        {
            throw RefusedException.Conflict(L.T($"材料“{gap.Materials.Single(m => m.MaterialCode == code).Name}”已补交。", $"The material '{code}' was already supplied."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (gap.Supply(code, now, command.Actor.Name, note, command.AttachmentId))
        {
            var step = await db.Set<ApprovalStep>().Include(s => s.Changes).SingleAsync(s => s.Id == gap.StepId, cancellationToken);
            if (step.Status == StepStatus.Suspended)
            {
                step.MoveTo(step.StatusBeforeSuspension(), now, command.Actor.Name, "missing materials supplied; review resumes");
            }
            step.IssueResult(true);
            var pledge = await db.Set<Pledge>().SingleAsync(p => p.Id == gap.PledgeId, cancellationToken);
            pledge.Keep(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return ToleratedGapResponse.From(gap);
    }

    private static string GapStatusText(GapStatus status) => status switch
    {
        GapStatus.Open => "待补齐",
        GapStatus.Supplied => "已补齐",
        GapStatus.Overdue => "已逾期",
        GapStatus.Returned => "已退件",
        _ => "已撤销",
    };
}
