using ApprovalFlow.Engine;

namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>
/// The working-day calendar (工作日历) every deadline is counted on: the official holidays and make-up working
/// days kept in <c>calendar_days</c>, cached in memory as an immutable snapshot that a reload swaps whole.
/// The day an interval starts on is not counted (开始的当日不计入); counting begins the next day.
/// </summary>
public sealed class WorkingDayCalendar : IWorkingCalendar
{
    private CalendarSnapshot _snapshot = CalendarSnapshot.Empty;

    public CalendarSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Puts a freshly loaded set of days in force and returns the one it replaced.</summary>
    public CalendarSnapshot Replace(CalendarSnapshot snapshot) => Interlocked.Exchange(ref _snapshot, snapshot);

    public bool IsWorkingDay(DateOnly day) => Snapshot.IsWorkingDay(day);

    /// <summary>The end (23:59:59.9999999 China time, as UTC) of the n-th working day after the day <paramref name="startUtc"/> falls on.</summary>
    public DateTime AddWorkingDays(DateTime startUtc, int workingDays) =>
        AddWorkingDays(startUtc, workingDays, []) ?? throw new InvalidOperationException("Without pauses a deadline always exists.");

    /// <summary>
    /// As <see cref="AddWorkingDays(DateTime, int)"/>, but working days inside a paused interval do not count
    /// (行政许可法 Art. 45). A pause stops the clock from the day after it starts through the day it ends: like the
    /// start of the limit, the day it resumes on is not counted. Null while an open pause (no end yet) holds the
    /// deadline back: it cannot be known until the clock runs again.
    /// </summary>
    public DateTime? AddWorkingDays(DateTime startUtc, int workingDays, IReadOnlyList<(DateTime From, DateTime? To)> pauses)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var snapshot = Snapshot;
        var paused = PausedDays.From(pauses);
        var day = ChinaStandardTime.DateOf(startUtc);
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (paused.StopsForeverAfter is { } openFrom && day > openFrom) return null;
            if (snapshot.IsWorkingDay(day) && !paused.Contains(day)) counted++;
        }
        return ChinaStandardTime.EndOfDayUtc(day);
    }

    /// <summary>
    /// Whole working days from the day of <paramref name="fromUtc"/> to the day of <paramref name="toUtc"/>: those after
    /// the first day up to and including the last, negative when <paramref name="toUtc"/> is earlier. With a due date,
    /// from now it is the working days left (0 on the due day, negative once overdue); from the start, those elapsed.
    /// </summary>
    public int WorkingDaysBetween(DateTime fromUtc, DateTime toUtc)
    {
        var from = ChinaStandardTime.DateOf(fromUtc);
        var to = ChinaStandardTime.DateOf(toUtc);
        if (to < from) return -WorkingDaysAfter(to, from);
        return WorkingDaysAfter(from, to);
    }

    /// <summary><see cref="WorkingDaysBetween(DateTime, DateTime)"/> for two days already taken in China Standard Time.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) => to < from ? -WorkingDaysAfter(to, from) : WorkingDaysAfter(from, to);

    private int WorkingDaysAfter(DateOnly first, DateOnly last)
    {
        var snapshot = Snapshot;
        var count = 0;
        for (var day = first.AddDays(1); day <= last; day = day.AddDays(1))
        {
            if (snapshot.IsWorkingDay(day)) count++;
        }
        return count;
    }
}
