using ApprovalFlow.Web.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>
/// A year at a glance: the notices it was loaded from, every day that is not ordinary, and the working days of
/// each month. A year without a data file or edits has no notices and follows the ordinary rule throughout.
/// </summary>
public sealed record GetCalendarYear(int Year) : IQuery<CalendarYearView>;

public sealed record CalendarYearView(
    int Year,
    IReadOnlyList<string> Notices,
    string? DataFile,
    DateTime? SeededAt,
    int WorkingDays,
    IReadOnlyList<CalendarMonthView> Months,
    IReadOnlyList<CalendarDayView> Days);

public sealed record CalendarMonthView(int Month, int WorkingDays, int Holidays, int MakeUpWorkdays);

public sealed record CalendarDayView(DateOnly Date, string DayOfWeek, string Kind, string Name, string Source, string ChangedBy, DateTime ChangedAt);

public sealed class GetCalendarYearHandler(AppDbContext db) : IQueryHandler<GetCalendarYear, CalendarYearView>
{
    public async ValueTask<CalendarYearView> Handle(GetCalendarYear query, CancellationToken ct)
    {
        var first = new DateOnly(query.Year, 1, 1);
        var last = new DateOnly(query.Year, 12, 31);
        // The database, not this server's cache, is the truth an administrator edits.
        var days = await db.Set<CalendarDay>().AsNoTracking()
            .Where(d => d.Date >= first && d.Date <= last)
            .OrderBy(d => d.Date)
            .ToListAsync(ct);
        var marker = await db.Set<CalendarYear>().AsNoTracking().SingleOrDefaultAsync(y => y.Year == query.Year, ct);

        var kinds = days.ToDictionary(d => d.Date, d => d.Kind);
        var months = Enumerable.Range(1, 12).Select(month =>
        {
            var inMonth = Enumerable.Range(1, DateTime.DaysInMonth(query.Year, month)).Select(d => new DateOnly(query.Year, month, d)).ToList();
            return new CalendarMonthView(
                month,
                inMonth.Count(d => CalendarSnapshot.IsWorkingDay(d, kinds.TryGetValue(d, out var k) ? k : null)),
                inMonth.Count(d => kinds.TryGetValue(d, out var k) && k == CalendarDayKind.Holiday),
                inMonth.Count(d => kinds.TryGetValue(d, out var k) && k == CalendarDayKind.MakeUpWorkday));
        }).ToList();

        return new CalendarYearView(
            query.Year,
            marker?.Notices.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [],
            marker?.DataFile,
            marker?.SeededAt,
            months.Sum(m => m.WorkingDays),
            months,
            days.Select(d => new CalendarDayView(d.Date, d.Date.DayOfWeek.ToString(), d.Kind.ToApiName(), d.Name, d.Source, d.ChangedBy, d.ChangedAt)).ToList());
    }
}
