namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>
/// Marks a year whose data file has been loaded, with the notices it came from. Seeding looks for this row,
/// not for days, so a year is seeded once and days an administrator later cleared are not brought back.
/// </summary>
public sealed class CalendarYear
{
    public int Year { get; set; }

    /// <summary>The notices of the data file, one per line: number, then title.</summary>
    public required string Notices { get; set; }

    /// <summary>The data file the year was seeded from.</summary>
    public required string DataFile { get; set; }

    public DateTime SeededAt { get; set; }
}
