using ApprovalFlow.Web.Features.Calendar;

namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>A period of whole days in China time, <see cref="First"/> to <see cref="Last"/> inclusive.</summary>
public sealed record SupervisionPeriod(DateOnly First, DateOnly Last)
{
    public DateTime StartUtc => ChinaStandardTime.StartOfDayUtc(First);

    /// <summary>The start of the day after the last: the period is [StartUtc, EndUtc).</summary>
    public DateTime EndUtc => ChinaStandardTime.StartOfDayUtc(Last.AddDays(1));

    /// <summary>The moment the period's open and overdue counts are taken: its end, or now while it is still running.</summary>
    public DateTime AsOf(DateTime now) => now < EndUtc ? now : EndUtc;

    public static SupervisionPeriod Month(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));

    public static SupervisionPeriod Month(DateOnly anyDay) => Month(anyDay.Year, anyDay.Month);

    public override string ToString() => $"{First:yyyy-MM-dd}..{Last:yyyy-MM-dd}";
}
