using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// After the working-day calendar changed (a holiday added or cleared by an administrator, a new year seeded), every
/// open step's due date is counted again from its acceptance on the new calendar, skipping its clock pauses.
/// Tolerated gaps need nothing here: their supplement deadline is an absolute date the officer chose and told the
/// enterprise in the one-time notice (一次性告知), so it stays as told; their grace period is counted at sweep time.
/// </summary>
public sealed class StepDeadlinesFollowCalendar(AppDbContext db, StepClock stepClock, ILogger<StepDeadlinesFollowCalendar> logger)
    : ICalendarChangedListener
{
    public async ValueTask OnCalendarChangedAsync(CancellationToken ct)
    {
        var steps = await db.Set<ApprovalStep>().Include(s => s.Pauses)
            .Where(s => StepStatuses.Open.Contains(s.Status) && s.AcceptedAt != null && s.TimeLimitDays != null)
            .ToListAsync(ct);
        var moved = 0;
        foreach (var step in steps)
        {
            var due = stepClock.DueAt(step);
            if (due == step.DueAt) continue;
            step.SetDueAt(due);
            moved++;
        }
        if (moved == 0) return;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Working-day calendar changed: {Moved} step due date(s) moved", moved);
    }
}
