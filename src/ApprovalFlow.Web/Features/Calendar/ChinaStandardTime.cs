namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>Days are counted in China Standard Time (UTC+8, no daylight saving), wherever the server runs.</summary>
public static class ChinaStandardTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The China date of a UTC instant; a time without a kind is taken as UTC, as the engine stores it.</summary>
    public static DateOnly DateOf(DateTime utc) =>
        DateOnly.FromDateTime((utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : utc) + Offset);

    /// <summary>The last tick of the day in China Standard Time, as UTC: what a deadline "by that day" means.</summary>
    public static DateTime EndOfDayUtc(DateOnly day) =>
        DateTime.SpecifyKind(day.AddDays(1).ToDateTime(TimeOnly.MinValue) - Offset - TimeSpan.FromTicks(1), DateTimeKind.Utc);

    /// <summary>The first tick of the day in China Standard Time, as UTC.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);
}
