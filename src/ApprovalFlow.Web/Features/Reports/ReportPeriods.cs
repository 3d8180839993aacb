using ApprovalFlow.Web.Features.Supervision;

namespace ApprovalFlow.Web.Features.Reports;

/// <summary>The ten-day periods, months and quarters reports cover, in days of China time.</summary>
public static class ReportPeriods
{
    /// <summary>The period of the kind that contains <paramref name="day"/>.</summary>
    public static SupervisionPeriod Containing(ReportKind kind, DateOnly day)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        var monthEnd = month.AddMonths(1).AddDays(-1);
        switch (kind)
        {
            case ReportKind.TenDay:
                var first = day.Day <= 10 ? 1 : day.Day <= 20 ? 11 : 21;
                var last = first == 21 ? monthEnd.Day : first + 9;
                return new SupervisionPeriod(new DateOnly(day.Year, day.Month, first), new DateOnly(day.Year, day.Month, last));
            case ReportKind.Month:
                return new SupervisionPeriod(month, monthEnd);
            default:
                var quarterStart = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
                return new SupervisionPeriod(quarterStart, quarterStart.AddMonths(3).AddDays(-1));
        }
    }

    /// <summary>The last period of the kind that has ended before <paramref name="today"/>.</summary>
    public static SupervisionPeriod LastEnded(ReportKind kind, DateOnly today) =>
        Containing(kind, Containing(kind, today).First.AddDays(-1));
}
