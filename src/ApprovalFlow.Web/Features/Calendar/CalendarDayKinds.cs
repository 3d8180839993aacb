namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>The names a day kind has in the API and in the data files.</summary>
public static class CalendarDayKinds
{
    public const string Holiday = "holiday";
    public const string MakeUpWorkday = "makeUpWorkday";
    public const string Ordinary = "ordinary";

    public static string ToApiName(this CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Holiday => Holiday,
        CalendarDayKind.MakeUpWorkday => MakeUpWorkday,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? text, out CalendarDayKind kind)
    {
        if (string.Equals(text, Holiday, StringComparison.OrdinalIgnoreCase))
        {
            kind = CalendarDayKind.Holiday;
            return true;
        }
        if (string.Equals(text, MakeUpWorkday, StringComparison.OrdinalIgnoreCase))
        {
            kind = CalendarDayKind.MakeUpWorkday;
            return true;
        }
        kind = default;
        return false;
    }
}
