using System.Security.Claims;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>The working-day calendar under <c>/api/calendar</c>: anyone signed in reads it, administrators change it.</summary>
public static class CalendarApi
{
    public static RouteGroupBuilder MapCalendarApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/calendar").WithTags("Calendar");
        group.MapGet("/working-days", GetDeadlineAsync)
            .WithSummary("The deadline of a limit in working days: the end of the n-th working day after the start day (China Standard Time)");
        group.MapGet("/{year:int}", GetYearAsync)
            .WithSummary("A year at a glance: its notices, every holiday and make-up working day, and the working days of each month");
        group.MapPut("/days/{date}", SetDayAsync).RequireAuthorization(p => p.RequireRole(AppRoles.Administrator))
            .WithSummary("Marks a date a holiday or a make-up working day; open deadlines are recomputed");
        group.MapDelete("/days/{date}", ClearDayAsync).RequireAuthorization(p => p.RequireRole(AppRoles.Administrator))
            .WithSummary("Returns a date to the ordinary rule (Monday to Friday work); open deadlines are recomputed");
        return group;
    }

    public static async Task<Results<Ok<WorkingDayDeadline>, ValidationProblem>> GetDeadlineAsync(
        string? from, string? days, ISender sender, CancellationToken ct)
    {
        var query = GetWorkingDayDeadline.Create(from, days, out var errors);
        if (query is null) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await sender.Send(query, ct));
    }

    public static async Task<Results<Ok<CalendarYearView>, ValidationProblem>> GetYearAsync(int year, ISender sender, CancellationToken ct)
    {
        if (year is < CalendarLimits.FirstYear or > CalendarLimits.LastYear)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["year"] = [L.T($"只支持 {CalendarLimits.FirstYear} 至 {CalendarLimits.LastYear} 年。", $"Only years {CalendarLimits.FirstYear} to {CalendarLimits.LastYear}.")],
            });
        }
        return TypedResults.Ok(await sender.Send(new GetCalendarYear(year), ct));
    }

    public static async Task<Results<Ok<CalendarDayChanged>, ValidationProblem, ProblemHttpResult>> SetDayAsync(
        string date, SetCalendarDayRequest? request, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        if (Caller.Id(user) is not { } caller) return NoCallerName();
        var command = SetCalendarDay.Create(date, request, caller, out var errors);
        if (command is null) return TypedResults.ValidationProblem(errors);
        try
        {
            return TypedResults.Ok(await sender.Send(command, ct));
        }
        catch (CalendarRuleException refused)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: L.T("不符合日历规则", "Refused by a calendar rule"), detail: refused.Message);
        }
    }

    public static async Task<Results<Ok<CalendarDayChanged>, ValidationProblem, ProblemHttpResult>> ClearDayAsync(
        string date, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        if (Caller.Id(user) is not { } caller) return NoCallerName();
        var errors = new Dictionary<string, string[]>();
        if (CalendarDates.Parse(date, "date", errors) is not { } day) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await sender.Send(new ClearCalendarDay(day, caller), ct));
    }

    private static ProblemHttpResult NoCallerName() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: L.T("调用者没有可用于记录变更的用户名。", "The caller has no user name to record the change with."));
}
