namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>
/// A day that departs from the ordinary rule: a holiday (放假) or a make-up working day (调休上班), with the
/// notice it comes from, or the administrator's reason when someone changed it by hand.
/// </summary>
public sealed class CalendarDay
{
    /// <summary>The day in China Standard Time.</summary>
    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    /// <summary>The holiday it belongs to, e.g. 春节 or 国庆节、中秋节.</summary>
    public required string Name { get; set; }

    /// <summary>The State Council notice (e.g. 国办发明电〔2019〕16号), or the administrator's reason.</summary>
    public required string Source { get; set; }

    /// <summary>Who wrote the row: the administrator, or the data file it was seeded from.</summary>
    public required string ChangedBy { get; set; }

    public DateTime ChangedAt { get; set; }
}
