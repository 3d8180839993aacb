using ApprovalFlow.Web.Data;
using Mediator;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>The body of <c>PUT /api/calendar/days/{date}</c>.</summary>
public sealed record SetCalendarDayRequest(string? Kind, string? Name, string? Reason);

/// <summary>
/// Marks a date a holiday (放假) or a make-up working day (调休上班), e.g. when the State Council changes a year's
/// arrangement mid-year as it did in 2020; the reason (usually the notice) becomes the day's source. Open
/// deadlines are recomputed in the same transaction.
/// </summary>
public sealed record SetCalendarDay(DateOnly Date, CalendarDayKind Kind, string Name, string Reason, string ChangedBy)
    : ICommand<CalendarDayChanged>
{
    /// <summary>Field validation for the API: a date (yyyy-MM-dd) in range, a known kind, a name and a reason.</summary>
    public static SetCalendarDay? Create(string date, SetCalendarDayRequest? request, string changedBy, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var parsedDate = CalendarDates.Parse(date, "date", errors);
        CalendarDayKind kind = default;
        if (string.IsNullOrWhiteSpace(request?.Kind))
            errors["kind"] = [L.T($"请填写类型：“{CalendarDayKinds.Holiday}”（节假日）或“{CalendarDayKinds.MakeUpWorkday}”（调休上班）。", $"Give the kind: \"{CalendarDayKinds.Holiday}\" or \"{CalendarDayKinds.MakeUpWorkday}\".")];
        else if (!CalendarDayKinds.TryParse(request.Kind.Trim(), out kind))
            errors["kind"] = [L.T($"未知类型“{request.Kind}”，请使用“{CalendarDayKinds.Holiday}”（节假日）或“{CalendarDayKinds.MakeUpWorkday}”（调休上班）。", $"Unknown kind \"{request.Kind}\": use \"{CalendarDayKinds.Holiday}\" or \"{CalendarDayKinds.MakeUpWorkday}\".")];
        var name = request?.Name?.Trim();
        if (string.IsNullOrEmpty(name))
            errors["name"] = [L.T("请填写该日所属的节日，如春节。", "Give the holiday the day belongs to, e.g. 春节.")];
        else if (name.Length > CalendarLimits.NameLength)
            errors["name"] = [L.T($"节日名称最多 {CalendarLimits.NameLength} 个字符。", $"At most {CalendarLimits.NameLength} characters.")];
        var reason = request?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            errors["reason"] = [L.T("请填写调整理由，如所依据的通知。", "Give the reason for the change, e.g. the notice it comes from.")];
        else if (reason.Length > CalendarLimits.SourceLength)
            errors["reason"] = [L.T($"调整理由最多 {CalendarLimits.SourceLength} 个字符。", $"At most {CalendarLimits.SourceLength} characters.")];
        return errors.Count == 0 ? new SetCalendarDay(parsedDate!.Value, kind, name!, reason!, changedBy) : null;
    }
}

public sealed class SetCalendarDayHandler(AppDbContext db, CalendarChangePropagation propagation, WorkingDayCalendar calendar, TimeProvider clock)
    : ICommandHandler<SetCalendarDay, CalendarDayChanged>
{
    public async ValueTask<CalendarDayChanged> Handle(SetCalendarDay command, CancellationToken ct)
    {
        if (command.Kind == CalendarDayKind.MakeUpWorkday && command.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            throw new CalendarRuleException(
                L.T($"调休上班日须为星期六或星期日；{command.Date:yyyy-MM-dd} 是{"日一二三四五六"[(int)command.Date.DayOfWeek]}，本来就是工作日。", $"A make-up working day (调休上班) must be a Saturday or a Sunday; {command.Date:yyyy-MM-dd} is a {command.Date.DayOfWeek} and is a working day already."));
        }

        var day = await db.Set<CalendarDay>().FindAsync([command.Date], ct);
        if (day is null)
        {
            day = new CalendarDay { Date = command.Date, Name = command.Name, Source = command.Reason, ChangedBy = command.ChangedBy };
            db.Add(day);
        }
        day.Kind = command.Kind;
        day.Name = command.Name;
        day.Source = command.Reason;
        day.ChangedBy = command.ChangedBy;
        day.ChangedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);

        var moved = await propagation.PropagateAsync(ct);
        return new CalendarDayChanged(day.Date, day.Date.DayOfWeek.ToString(), day.Kind.ToApiName(), day.Name, day.Source,
            calendar.IsWorkingDay(day.Date), day.ChangedBy, day.ChangedAt, moved);
    }
}
