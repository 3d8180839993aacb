using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>
/// Reads and checks the shipped data files. A file that contradicts itself (a day outside its year, an unknown
/// notice, a make-up working day on a weekday, a date twice) stops the start: a wrong calendar moves every deadline.
/// </summary>
public sealed class CalendarDataFiles(IOptions<CalendarOptions> options, IHostEnvironment environment)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<CalendarDataFile> ReadAll()
    {
        var folder = ResolveFolder();
        return Directory.GetFiles(folder, "calendar-*.json")
            .Order(StringComparer.Ordinal)
            .Select(Read)
            .ToList();
    }

    public static CalendarDataFile Read(string path)
    {
        var name = Path.GetFileName(path);
        CalendarDataFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CalendarDataFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{name} is not a valid calendar file: {ex.Message}", ex);
        }
        if (file is null) throw new InvalidDataException($"{name} is empty.");
        file = file with { FileName = name };
        Check(file);
        return file;
    }

    public static CalendarDay ToDay(CalendarDataFile file, CalendarDataDay day, DateTime now)
    {
        CalendarDayKinds.TryParse(day.Kind, out var kind);
        return new CalendarDay
        {
            Date = day.Date,
            Kind = kind,
            Name = day.Name,
            Source = day.Notice,
            ChangedBy = "data file " + file.FileName,
            ChangedAt = now,
        };
    }

    private static void Check(CalendarDataFile file)
    {
        var problems = new List<string>();
        if ($"calendar-{file.Year}.json" != file.FileName) problems.Add($"the file name does not match its year {file.Year}");
        if (file.Notices is not { Count: > 0 }) problems.Add("it names no notice");
        var notices = (file.Notices ?? []).Select(n => n.Number).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<DateOnly>();
        foreach (var day in file.Days ?? [])
        {
            if (day.Date.Year != file.Year) problems.Add($"{day.Date:yyyy-MM-dd} is not in {file.Year}");
            if (!seen.Add(day.Date)) problems.Add($"{day.Date:yyyy-MM-dd} is listed twice");
            if (!notices.Contains(day.Notice ?? "")) problems.Add($"{day.Date:yyyy-MM-dd} names a notice the file does not list: {day.Notice}");
            if (string.IsNullOrWhiteSpace(day.Name) || day.Name.Length > CalendarLimits.NameLength) problems.Add($"{day.Date:yyyy-MM-dd} has no usable name");
            if (!CalendarDayKinds.TryParse(day.Kind, out var kind)) problems.Add($"{day.Date:yyyy-MM-dd} has an unknown kind {day.Kind}");
            else if (kind == CalendarDayKind.MakeUpWorkday && day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                problems.Add($"{day.Date:yyyy-MM-dd} is a make-up working day on a {day.Date.DayOfWeek}");
        }
        if (problems.Count > 0) throw new InvalidDataException($"{file.FileName}: {string.Join("; ", problems)}.");
    }

    // Published, the files sit beside the app; under `dotnet run` and the tests, the content root is the project.
    private string ResolveFolder()
    {
        if (options.Value.DataFolder is { Length: > 0 } configured) return configured;
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "Features", "Calendar", "Data"),
            Path.Combine(environment.ContentRootPath, "Features", "Calendar", "Data"),
        ];
        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException($"No calendar data folder: looked in {string.Join(" and ", candidates)}.");
    }
}
