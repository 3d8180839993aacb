using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Credit;
using ApprovalFlow.Web.Features.Gaps;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Pledges;

/// <summary>
/// A pledge was found false or broken (失信): it becomes broken, what it allowed is revoked — the step of its open
/// tolerated gap, or the steps it replaced in the project's running case — and a credit record is written.
/// </summary>
public sealed record RecordBreach(Actor Actor, Guid PledgeId, string? Reason) : ICommand<PledgeResponse>, IAuditedCommand
{
    public string SubjectType => "pledge";

    public string? SubjectId => PledgeId.ToString();
}

public sealed class RecordBreachHandler(AppDbContext db, TimeProvider clock, PledgeAccess access) : ICommandHandler<RecordBreach, PledgeResponse>
{
    public async ValueTask<PledgeResponse> Handle(RecordBreach command, CancellationToken cancellationToken)
    {
        var roles = command.Actor.Roles;
        if (!roles.Contains(AppRoles.Officer) && !roles.Contains(AppRoles.Supervisor) && !roles.Contains(AppRoles.Administrator))
        {
            throw RefusedException.Forbidden(L.T("只有审批人员、监督人员或管理员可以记录违诺。", "Only an officer, a supervisor or an administrator records a breach."));
        }
        var reason = command.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 2000)
        {
            throw RefusedException.Invalid("reason", L.T("请说明违反承诺的情形，最多 2000 个字符。", "Say how the pledge was broken, at most 2000 characters."));
        }
        var pledge = await db.Set<Pledge>().SingleOrDefaultAsync(p => p.Id == command.PledgeId, cancellationToken)
            ?? throw RefusedException.NotFound(L.T("该承诺书不存在。", $"No pledge has the id {command.PledgeId}."));
        await access.RequireMayJudgeAsync(command.Actor, pledge, cancellationToken);
        if (!pledge.IsInForce)
        {
            throw RefusedException.Conflict(L.T($"该承诺书已是“{pledge.Status.Chinese()}”状态。", $"The pledge is already {pledge.Status.Term()}."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var note = $"pledge broken: {reason}";
        pledge.Break(now, reason);
        Guid? gapId = null;
        if (pledge.Scheme == PledgeScheme.ToleratedGap)
        {
            var gap = await db.Set<ToleratedGap>().SingleOrDefaultAsync(g => g.PledgeId == pledge.Id, cancellationToken);
            if (gap is { IsPending: true })
            {
                gap.Close(GapStatus.Revoked, now);
                gapId = gap.Id;
                var step = await db.Set<ApprovalStep>().Include(s => s.Changes).SingleAsync(s => s.Id == gap.StepId, cancellationToken);
                step.MoveTo(StepStatus.Revoked, now, command.Actor.Name, note);
            }
        }
        else
        {
            var running = db.Set<ApprovalCase>().Where(c => c.ProjectId == pledge.ProjectId && c.Status == ApprovalCaseStatus.Running).Select(c => c.Id);
            var replaced = await db.Set<ApprovalStep>().Include(s => s.Changes)
                .Where(s => running.Contains(s.CaseId) && s.Status == StepStatus.ReplacedByPledge
                    && (pledge.StepCode == null || s.StepCode == pledge.StepCode))
                .ToListAsync(cancellationToken);
            foreach (var step in replaced)
            {
                step.MoveTo(StepStatus.Revoked, now, command.Actor.Name, note);
            }
        }
        pledge.Revoke(now);
        db.Add(new CreditRecord(pledge.EnterpriseId, pledge.Id, gapId, reason, now, command.Actor.Name));
        await db.SaveChangesAsync(cancellationToken);
        return PledgeResponse.From(pledge);
    }
}
