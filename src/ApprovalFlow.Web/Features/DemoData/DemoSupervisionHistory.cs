using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.DemoData;

/// <summary>
/// DEMO DATA ONLY. Seeding decides every step today, so rankings and reports would have no past. This moves the decided
/// steps of a few demo cases back by whole weeks, directly in the database (accepted, decided, effective, last action,
/// due date recomputed), and lets some take longer than their limit, so that past months show decisions, late ones and
/// last places. Step histories and the audit log keep the real seeding times, as with <see cref="DemoBackdating"/>.
/// </summary>
public static class DemoSupervisionHistory
{
    /// <param name="moves">Per project: how many days back its decisions move, and how many days earlier than that they were accepted.</param>
    public static Task SpreadAsync(DemoSession session, IEnumerable<(Guid ProjectId, int DaysBack, int DaysToDecide)> moves) =>
        session.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var clock = sp.GetRequiredService<StepClock>();
            foreach (var (projectId, daysBack, daysToDecide) in moves)
            {
                var steps = await db.Set<ApprovalCase>().Where(c => c.ProjectId == projectId)
                    .SelectMany(c => c.Steps).Include(s => s.Pauses).Where(s => s.DecidedAt != null && s.AcceptedAt != null)
                    .ToListAsync(session.Cancellation);
                foreach (var step in steps)
                {
                    var decided = step.DecidedAt!.Value.AddDays(-daysBack);
                    var accepted = decided.AddDays(-daysToDecide);
                    var entry = db.Entry(step);
                    entry.Property(s => s.DecidedAt).CurrentValue = decided;
                    if (step.EffectiveAt is not null) entry.Property(s => s.EffectiveAt).CurrentValue = decided;
                    entry.Property(s => s.LastActionAt).CurrentValue = decided;
                    if (step.CreatedAt > accepted) entry.Property(s => s.CreatedAt).CurrentValue = accepted;
                    clock.Start(step, accepted);
                }
            }
            await db.SaveChangesAsync(session.Cancellation);
            return 0;
        });
}
