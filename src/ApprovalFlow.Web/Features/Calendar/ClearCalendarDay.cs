using ApprovalFlow.Web.Data;
using Mediator;

namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>
/// Returns a date to the ordinary rule (Monday to Friday work, weekends rest), e.g. the make-up working day of
/// 1 Feb 2020 that the Spring Festival extension cancelled. Open deadlines are recomputed in the same transaction.
/// Clearing an ordinary day changes nothing.
/// </summary>
public sealed record ClearCalendarDay(DateOnly Date, string ChangedBy) : ICommand<CalendarDayChanged>;

public sealed class ClearCalendarDayHandler(AppDbContext db, CalendarChangePropagation propagation, WorkingDayCalendar calendar, ILogger<ClearCalendarDayHandler> logger)
    : ICommandHandler<ClearCalendarDay, CalendarDayChanged>
{
    public async ValueTask<CalendarDayChanged> Handle(ClearCalendarDay command, CancellationToken ct)
    {
        var moved = 0;
        var day = await db.Set<CalendarDay>().FindAsync([command.Date], ct);
        if (day is not null)
        {
            db.Remove(day);
            await db.SaveChangesAsync(ct);
            // The row goes, so the log keeps who cleared what it was.
            logger.LogInformation("{User} cleared {Date} ({Kind} {Name}, from {Source})",
                command.ChangedBy, day.Date, day.Kind, day.Name, day.Source);
            moved = await propagation.PropagateAsync(ct);
        }
        return new CalendarDayChanged(command.Date, command.Date.DayOfWeek.ToString(), CalendarDayKinds.Ordinary, null, null,
            calendar.IsWorkingDay(command.Date), null, null, moved);
    }
}
