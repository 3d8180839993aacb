using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>
/// After the calendar's rows changed in this scope's transaction: puts the new days in force, recomputes the
/// engine's open deadlines and tells every <see cref="ICalendarChangedListener"/>. The days go in force before the
/// commit, so that the recomputation uses them; if anything here fails the previous days are put back, and if the
/// commit itself fails the periodic refresh (<see cref="CalendarStartup"/>) puts the stored days back and recomputes.
/// </summary>
public sealed class CalendarChangePropagation(
    AppDbContext db,
    WorkingDayCalendar calendar,
    WorkflowEngine engine,
    IEnumerable<ICalendarChangedListener> listeners,
    ILogger<CalendarChangePropagation> logger)
{
    /// <summary>Returns how many engine deadlines (task due dates and working-day timers) moved.</summary>
    public async Task<int> PropagateAsync(CancellationToken ct)
    {
        var previous = calendar.Replace(await LoadAsync(db, ct));
        try
        {
            var moved = await engine.RecomputeWorkingDayDeadlinesAsync(ct);
            foreach (var listener in listeners)
            {
                await listener.OnCalendarChangedAsync(ct);
            }
            logger.LogInformation("Working-day calendar changed: {Moved} engine deadline(s) moved", moved);
            return moved;
        }
        catch
        {
            calendar.Replace(previous);
            throw;
        }
    }

    public static async Task<CalendarSnapshot> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var days = await db.Set<CalendarDay>().AsNoTracking().Select(d => new { d.Date, d.Kind }).ToListAsync(ct);
        return new CalendarSnapshot(days.Select(d => KeyValuePair.Create(d.Date, d.Kind)));
    }
}
