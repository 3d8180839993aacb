using System.Collections.Frozen;

namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>
/// The listed days at one moment, immutable, so readers never see half a reload. A day not listed is
/// ordinary: Monday to Friday work, Saturday and Sunday rest.
/// </summary>
public sealed class CalendarSnapshot
{
    public static readonly CalendarSnapshot Empty = new(new Dictionary<DateOnly, CalendarDayKind>());

    private readonly FrozenDictionary<DateOnly, CalendarDayKind> _days;

    public CalendarSnapshot(IEnumerable<KeyValuePair<DateOnly, CalendarDayKind>> days)
    {
        _days = days.ToFrozenDictionary();
    }

    public int Count => _days.Count;

    public CalendarDayKind? KindOf(DateOnly day) => _days.TryGetValue(day, out var kind) ? kind : null;

    public bool IsWorkingDay(DateOnly day) => IsWorkingDay(day, KindOf(day));

    /// <summary>The rule: a make-up working day works, a holiday rests, any other day works from Monday to Friday.</summary>
    public static bool IsWorkingDay(DateOnly day, CalendarDayKind? kind) => kind switch
    {
        CalendarDayKind.MakeUpWorkday => true,
        CalendarDayKind.Holiday => false,
        _ => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
    };

    public bool HasSameDaysAs(CalendarSnapshot other) =>
        _days.Count == other._days.Count
        && _days.All(d => other._days.TryGetValue(d.Key, out var kind) && kind == d.Value);
}
