namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>
/// One year of the State Council's holiday arrangements, as shipped in Data/calendar-YYYY.json. <c>provisional</c> says
/// what a file shipped before the year's notice leaves out (the statutory days only, without make-up working days).
/// </summary>
public sealed record CalendarDataFile(int Year, IReadOnlyList<CalendarNotice> Notices, IReadOnlyList<CalendarDataDay> Days,
    string? Provisional = null)
{
    /// <summary>The file it was read from, for the seeded rows and error messages.</summary>
    public string FileName { get; init; } = "";
}

/// <summary>A notice the days come from, e.g. 国办发明电〔2019〕16号, 国务院办公厅关于2020年部分节假日安排的通知.</summary>
public sealed record CalendarNotice(string Number, string Title, DateOnly Issued)
{
    public override string ToString() => $"{Number} {Title}";
}

/// <summary>A listed day: <c>kind</c> is "holiday" or "makeUpWorkday"; <c>note</c> is for readers of the file only.</summary>
public sealed record CalendarDataDay(DateOnly Date, string Kind, string Name, string Notice, string? Note = null);
