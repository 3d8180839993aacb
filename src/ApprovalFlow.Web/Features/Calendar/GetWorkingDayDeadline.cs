using System.Globalization;
using Mediator;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>
/// The deadline of a limit of <see cref="Days"/> working days that starts at <see cref="FromUtc"/>: the end of the
/// n-th working day after the start day, China Standard Time, on the calendar in force.
/// </summary>
public sealed record GetWorkingDayDeadline(DateTime FromUtc, int Days) : IQuery<WorkingDayDeadline>
{
    public static GetWorkingDayDeadline? Create(string? from, string? days, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var start = CalendarDates.ParseInstant(from, "from", errors);
        if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > CalendarLimits.MaxWorkingDays)
            errors["days"] = [L.T($"请填写 0 至 {CalendarLimits.MaxWorkingDays} 之间的整数工作日数。", $"Give a whole number of working days from 0 to {CalendarLimits.MaxWorkingDays}.")];
        return errors.Count == 0 ? new GetWorkingDayDeadline(start!.Value, count) : null;
    }
}

/// <summary>The deadline as an instant (UTC) and as the China date it falls on.</summary>
public sealed record WorkingDayDeadline(DateTime From, DateOnly StartDate, int Days, DateTime DueAt, DateOnly DueDate);

public sealed class GetWorkingDayDeadlineHandler(WorkingDayCalendar calendar) : IQueryHandler<GetWorkingDayDeadline, WorkingDayDeadline>
{
    public ValueTask<WorkingDayDeadline> Handle(GetWorkingDayDeadline query, CancellationToken ct)
    {
        var due = calendar.AddWorkingDays(query.FromUtc, query.Days);
        return ValueTask.FromResult(new WorkingDayDeadline(
            query.FromUtc, ChinaStandardTime.DateOf(query.FromUtc), query.Days, due, ChinaStandardTime.DateOf(due)));
    }
}
