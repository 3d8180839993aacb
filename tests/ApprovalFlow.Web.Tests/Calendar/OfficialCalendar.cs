using System.Runtime.CompilerServices;
using ApprovalFlow.Web.Features.Calendar;

namespace ApprovalFlow.Web.Tests.Calendar;

/// <summary>The shipped data files, read from the source tree, as a calendar for tests that need no database.</summary>
public static class OfficialCalendar
{
    public static string DataFolder { get; } = FindDataFolder();

    public static IReadOnlyList<CalendarDataFile> Files { get; } =
        Directory.GetFiles(DataFolder, "calendar-*.json").Order(StringComparer.Ordinal).Select(CalendarDataFiles.Read).ToList();

    public static WorkingDayCalendar Create(Func<CalendarDataDay, bool>? include = null, params (DateOnly Date, CalendarDayKind Kind)[] extra)
    {
        var days = Files.SelectMany(f => f.Days).Where(include ?? (_ => true))
            .Select(d => (d.Date, Kind: d.Kind == CalendarDayKinds.Holiday ? CalendarDayKind.Holiday : CalendarDayKind.MakeUpWorkday))
            .Concat(extra)
            .Select(d => KeyValuePair.Create(d.Date, d.Kind));
        var calendar = new WorkingDayCalendar();
        calendar.Replace(new CalendarSnapshot(days));
        return calendar;
    }

    /// <summary>A moment of a China Standard Time day, as UTC.</summary>
    public static DateTime China(int year, int month, int day, int hour = 10) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)).UtcDateTime;

    /// <summary>The end of a China Standard Time day, as UTC: what every deadline is.</summary>
    public static DateTime EndOf(int year, int month, int day) =>
        new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.FromHours(8)).AddDays(1).AddTicks(-1).UtcDateTime;

    // The build output may live elsewhere (--artifacts-path), so look above this source file too.
    private static string FindDataFolder([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "ApprovalFlow.Web", "Features", "Calendar", "Data");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        throw new DirectoryNotFoundException($"src/ApprovalFlow.Web/Features/Calendar/Data was not found above {sourceFile} or {AppContext.BaseDirectory}.");
    }
}
