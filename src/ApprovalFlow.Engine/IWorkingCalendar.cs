namespace ApprovalFlow.Engine;

/// <summary>Counts working days for task due dates (af:timeLimitDays). The host supplies the holiday calendar.</summary>
public interface IWorkingCalendar
{
    DateTime AddWorkingDays(DateTime startUtc, int workingDays);
}

/// <summary>Monday to Friday in China Standard Time; used until the host registers a calendar with holidays.</summary>
internal sealed class WeekdayCalendar : IWorkingCalendar
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public DateTime AddWorkingDays(DateTime startUtc, int workingDays)
    {
        var local = startUtc + ChinaOffset;
        var day = local.Date;
        var added = 0;
        while (added < workingDays)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) added++;
        }
        // Due at the end of the last working day, local time.
        return DateTime.SpecifyKind(day.AddDays(1).AddTicks(-1) - ChinaOffset, DateTimeKind.Utc);
    }
}
