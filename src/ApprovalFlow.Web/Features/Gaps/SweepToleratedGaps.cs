using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Credit;
using ApprovalFlow.Web.Features.Pledges;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Gaps;

public sealed record GapSweepResult(int Suspended, int Returned);

/// <summary>
/// Applies the supplement deadlines as of <paramref name="Now"/>: an open gap past its deadline becomes overdue and its
/// step is suspended (中止); an overdue gap still unsupplied after the grace period is returned (退件), its step revoked,
/// its pledge broken and a credit record written. Running it again for the same moment changes nothing.
/// </summary>
public sealed record SweepToleratedGaps(DateTime Now) : ICommand<GapSweepResult>, IAuditedCommand
{
    public string SubjectType => "gaps";

    public string? SubjectId => null;
}

public sealed class SweepToleratedGapsHandler(AppDbContext db, WorkingDayCalendar calendar, IOptions<GapOptions> options)
    : ICommandHandler<SweepToleratedGaps, GapSweepResult>
{
    private const string Sweeper = "system: gap sweep";

    public async ValueTask<GapSweepResult> Handle(SweepToleratedGaps command, CancellationToken cancellationToken)
    {
        var now = DateTime.SpecifyKind(command.Now, DateTimeKind.Utc);
        var grace = Math.Max(0, options.Value.GracePeriodWorkingDays);
        var gaps = await db.Set<ToleratedGap>()
            .Where(g => (g.Status == GapStatus.Open && g.SupplementDeadline < now) || g.Status == GapStatus.Overdue)
            .ToListAsync(cancellationToken);
        int suspended = 0, returned = 0;
        foreach (var gap in gaps)
        {
            var step = await db.Set<ApprovalStep>().Include(s => s.Changes).SingleAsync(s => s.Id == gap.StepId, cancellationToken);
            if (gap.Status == GapStatus.Open)
            {
                gap.MarkOverdue(now);
                if (step.IsOpen && step.Status != StepStatus.Suspended)
                {
                    step.MoveTo(StepStatus.Suspended, now, Sweeper, "supplement deadline passed; enterprise told");
                }
                suspended++;
            }
            if (now > calendar.AddWorkingDays(gap.SupplementDeadline, grace))
            {
                await ReturnAsync(gap, step, now, grace, cancellationToken);
                returned++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new GapSweepResult(suspended, returned);
    }

    private async Task ReturnAsync(ToleratedGap gap, ApprovalStep step, DateTime now, int grace, CancellationToken ct)
    {
        gap.Close(GapStatus.Returned, now);
        var reason = $"tolerated gap not supplied {grace} working days after its supplement deadline; returned (退件)";
        if (step.Status is not (StepStatus.Revoked or StepStatus.Rejected or StepStatus.Lapsed))
        {
            step.MoveTo(StepStatus.Revoked, now, Sweeper, reason);
        }
        var pledge = await db.Set<Pledge>().SingleAsync(p => p.Id == gap.PledgeId, ct);
        if (pledge.IsInForce)
        {
            pledge.Break(now, reason);
            pledge.Revoke(now);
        }
        db.Add(new CreditRecord(gap.EnterpriseId, pledge.Id, gap.Id, reason, now, Sweeper));
    }
}
