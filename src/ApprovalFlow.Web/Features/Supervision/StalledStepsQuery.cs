using System.Linq.Expressions;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Counties;
using ApprovalFlow.Web.Features.Lights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>What to look for among the stalled steps; <see cref="Page"/> counts from 1.</summary>
public sealed record StalledStepsFilter(
    string? County = null, string? Department = null, string? StepCode = null, Light? Light = null, int Page = 1, int PageSize = 50);

/// <summary>One stalled step (停滞环节), linking to its case.</summary>
public sealed record StalledStepRow(
    Guid CaseId, Guid StepId, Guid ProjectId, string ProjectCode, string ProjectName, string CountyCode, string? CountyName, string Department,
    string StepCode, string StepName, string Status, string? Light, int? WorkingDaysLeft, bool Overdue, int WorkingDaysWithoutAction,
    DateTime LastActionAt, DateTime? DueAt, bool Paused, string Link);

public sealed record StalledStepsPage(int Total, int Page, int PageSize, StalledStepRow[] Rows);

/// <summary>
/// The stalled steps: open steps that are overdue, or that nobody has acted on for
/// <see cref="SupervisionOptions.NoActionWorkingDays"/> working days. Both tests become plain comparisons of indexed
/// columns with instants computed here from the calendar (the last moment an action may lie back, the yellow edge per
/// time limit), so the database filters, counts and pages; only the page's rows are read. Callable without HTTP
/// (reports, benchmarks).
/// </summary>
public sealed class StalledStepsQuery(AppDbContext db, WorkingDayCalendar calendar, LightRule lights, IOptions<SupervisionOptions> options)
{
    public const int MaxPageSize = 500;

    public async Task<StalledStepsPage> RunAsync(SupervisionScope scope, StalledStepsFilter filter, DateTime now, CancellationToken ct)
    {
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var stalled = await StalledAsync(scope, filter, now, ct);
        var total = await stalled.CountAsync(ct);
        var rows = await stalled
            .OrderBy(r => r.Step.DueAt == null)
            .ThenBy(r => r.Step.DueAt)
            .ThenBy(r => r.Step.LastActionAt)
            .ThenBy(r => r.Step.Id)
            .Skip((page - 1) * size)
            .Take(size)
            .Select(r => new
            {
                r.Case.Id, StepId = r.Step.Id, ProjectId = r.Project.Id, r.Project.Code, ProjectName = r.Project.Name, r.Case.CountyCode,
                r.Step.Department, r.Step.StepCode, StepName = r.Step.Name, r.Step.Status, r.Step.TimeLimitDays, r.Step.AcceptedAt,
                r.Step.DueAt, r.Step.ClockPausedAt, r.Step.LastActionAt,
            })
            .AsNoTracking()
            .ToListAsync(ct);
        var counties = HengshuiCounties.All.ToDictionary(c => c.Code, c => c.Name);
        return new StalledStepsPage(total, page, size, [.. rows.Select(r =>
        {
            var reading = r.DueAt is { } due ? Read(due.AsUtc(), r.TimeLimitDays, r.AcceptedAt.AsUtc(), now, r.ClockPausedAt.AsUtc()) : null;
            return new StalledStepRow(r.Id, r.StepId, r.ProjectId, r.Code.Value, r.ProjectName, r.CountyCode, counties.GetValueOrDefault(r.CountyCode),
                r.Department, r.StepCode, r.StepName, r.Status.Term(), reading?.Light.ToString().ToLowerInvariant(), reading?.WorkingDaysLeft,
                reading?.Light == Lights.Light.Red, Math.Max(0, calendar.WorkingDaysBetween(r.LastActionAt.AsUtc(), now)), r.LastActionAt.AsUtc(),
                r.DueAt.AsUtc(), r.ClockPausedAt is not null, $"/cases/{r.Id}");
        })]);
    }

    /// <summary>The stalled steps in the scope that pass the filter, as a query (unordered, unpaged).</summary>
    public async Task<IQueryable<SupervisedStep>> StalledAsync(SupervisionScope scope, StalledStepsFilter filter, DateTime now, CancellationToken ct)
    {
        var open = SupervisedStep.OpenStatuses;
        var quietSince = QuietSince(now);
        var steps = SupervisedStep.In(db, scope).Where(r => open.Contains(r.Step.Status));
        if (!string.IsNullOrWhiteSpace(filter.County)) steps = steps.Where(r => r.Case.CountyCode == filter.County);
        if (!string.IsNullOrWhiteSpace(filter.Department)) steps = steps.Where(r => r.Step.Department == filter.Department);
        if (!string.IsNullOrWhiteSpace(filter.StepCode)) steps = steps.Where(r => r.Step.StepCode == filter.StepCode);

        // Overdue as LightRule reads it: a paused clock is read at the moment it stopped.
        var stalled = steps.Where(r =>
            (r.Step.DueAt != null && r.Step.DueAt < now && (r.Step.ClockPausedAt == null || r.Step.ClockPausedAt > r.Step.DueAt))
            || r.Step.LastActionAt < quietSince);

        return filter.Light switch
        {
            Lights.Light.Red => stalled.Where(r => r.Step.DueAt != null && r.Step.DueAt < now
                && (r.Step.ClockPausedAt == null || r.Step.ClockPausedAt > r.Step.DueAt)),
            Lights.Light.Yellow => stalled.Where(r => r.Step.DueAt != null && r.Step.DueAt >= now && r.Step.ClockPausedAt == null)
                .Where(await YellowAsync(steps, now, ct)),
            Lights.Light.Green => stalled.Where(r => r.Step.DueAt != null && (r.Step.DueAt >= now || r.Step.ClockPausedAt != null))
                .Where(Not(await YellowAsync(steps, now, ct))),
            _ => stalled,
        };
    }

    /// <summary>
    /// The start of the oldest day on which an action still keeps a step from being stalled: a last action before it
    /// lies at least NoActionWorkingDays working days back (WorkingDaysBetween semantics: the day of the action not counted).
    /// </summary>
    public DateTime QuietSince(DateTime now)
    {
        var needed = Math.Max(1, options.Value.NoActionWorkingDays);
        var day = ChinaStandardTime.DateOf(now);
        var counted = 0;
        for (var guard = 0; counted < needed && guard < 3660; guard++)
        {
            if (calendar.IsWorkingDay(day)) counted++;
            day = day.AddDays(-1);
        }
        return ChinaStandardTime.StartOfDayUtc(day.AddDays(1));
    }

    private LightReading Read(DateTime due, int? limit, DateTime? acceptedAt, DateTime now, DateTime? pausedAt) =>
        limit is { } days
            ? lights.Read(due, days, now, pausedAt)
            : lights.Read(acceptedAt ?? due, due, now);

    /// <summary>
    /// Yellow for a running clock: due before the start of the (threshold+1)-th working day from today, where the
    /// threshold depends on the step's time limit; one comparison per time limit in use.
    /// </summary>
    private async Task<Expression<Func<SupervisedStep, bool>>> YellowAsync(IQueryable<SupervisedStep> steps, DateTime now, CancellationToken ct)
    {
        var limits = await steps.Where(r => r.Step.DueAt != null).Select(r => r.Step.TimeLimitDays).Distinct().ToListAsync(ct);
        var row = Expression.Parameter(typeof(SupervisedStep), "r");
        var step = Expression.Property(row, nameof(SupervisedStep.Step));
        var dueAt = Expression.Property(step, nameof(ApprovalStep.DueAt));
        var limit = Expression.Property(step, nameof(ApprovalStep.TimeLimitDays));
        Expression body = Expression.Constant(false);
        foreach (var days in limits.OfType<int>())
        {
            var threshold = lights.YellowThreshold(days);
            var edge = ChinaStandardTime.StartOfDayUtc(ChinaStandardTime.DateOf(calendar.AddWorkingDays(now, threshold + 1)));
            body = Expression.OrElse(body, Expression.AndAlso(
                Expression.Equal(limit, Expression.Constant(days, typeof(int?))),
                Expression.LessThan(dueAt, Expression.Constant(edge, typeof(DateTime?)))));
        }
        return Expression.Lambda<Func<SupervisedStep, bool>>(body, row);
    }

    private static Expression<Func<SupervisedStep, bool>> Not(Expression<Func<SupervisedStep, bool>> predicate) =>
        Expression.Lambda<Func<SupervisedStep, bool>>(Expression.Not(predicate.Body), predicate.Parameters);
}
