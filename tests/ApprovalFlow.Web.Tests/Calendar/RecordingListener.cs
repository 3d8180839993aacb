using ApprovalFlow.Web.Features.Calendar;

namespace ApprovalFlow.Web.Tests.Calendar;

/// <summary>A feature's listener as later features will write one: it reads the calendar in force when told.</summary>
public sealed class RecordingListener(ListenerLog log, WorkingDayCalendar calendar) : ICalendarChangedListener
{
    public ValueTask OnCalendarChangedAsync(CancellationToken ct)
    {
        if (log.ThrowNext) throw new InvalidOperationException("The listener failed on purpose.");
        log.WatchWasWorkingDay.Enqueue(calendar.IsWorkingDay(log.Watch));
        return ValueTask.CompletedTask;
    }
}
