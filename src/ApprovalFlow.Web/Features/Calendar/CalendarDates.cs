using System.Globalization;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>Reads the dates and instants the calendar API takes, naming the field that is wrong.</summary>
public static class CalendarDates
{
    public static DateOnly? Parse(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[field] = [L.T($"“{text}”不是有效日期，请使用 yyyy-MM-dd 格式。", $"\"{text}\" is not a date: use yyyy-MM-dd.")];
            return null;
        }
        if (date.Year is < CalendarLimits.FirstYear or > CalendarLimits.LastYear)
        {
            errors[field] = [L.T($"只支持 {CalendarLimits.FirstYear} 至 {CalendarLimits.LastYear} 年。", $"Only years {CalendarLimits.FirstYear} to {CalendarLimits.LastYear}.")];
            return null;
        }
        return date;
    }

    /// <summary>
    /// A plain date (yyyy-MM-dd) is the start of that day in China Standard Time; a date and time must carry its
    /// offset (Z or +08:00), since a bare time would be read one way here and another in a browser.
    /// </summary>
    public static DateTime? ParseInstant(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [L.T("请填写日期（yyyy-MM-dd，北京时间）或带时区偏移的日期时间。", "Give a date (yyyy-MM-dd, China Standard Time) or a date and time with its offset.")];
            return null;
        }
        text = text.Trim();
        // An unencoded "+08:00" in a query string arrives as " 08:00".
        if (text.Length > 19 && text[19] == ' ') text = text[..19] + "+" + text[20..];
        if (text.Length == 10)
        {
            return Parse(text, field, errors) is { } day ? ChinaStandardTime.StartOfDayUtc(day) : null;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            || !HasOffset(text))
        {
            errors[field] = [L.T($"“{text}”不是带时区偏移的日期时间，如 2020-01-23T10:00:00+08:00。", $"\"{text}\" is not a date and time with an offset, e.g. 2020-01-23T10:00:00+08:00.")];
            return null;
        }
        if (instant.Year is < CalendarLimits.FirstYear or > CalendarLimits.LastYear)
        {
            errors[field] = [L.T($"只支持 {CalendarLimits.FirstYear} 至 {CalendarLimits.LastYear} 年。", $"Only years {CalendarLimits.FirstYear} to {CalendarLimits.LastYear}.")];
            return null;
        }
        return instant.UtcDateTime;
    }

    private static bool HasOffset(string text)
    {
        if (text.EndsWith('Z') || text.EndsWith('z')) return true;
        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        return time > 0 && text.IndexOfAny(['+', '-'], time) > 0;
    }
}
