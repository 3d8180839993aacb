using System.Linq.Expressions;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Counties;
using ApprovalFlow.Web.Features.Lights;
using ApprovalFlow.Web.Features.Projects;
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
/// time limit). The list is cut into three sections that follow one another in page order — due before now, due from
/// now on, no due date — each a range of one of the partial open-step indexes (<see cref="SupervisionStepIndexes"/>),
/// so the database counts each section inside an index and reads a page from the one or two sections it falls in; only
/// the page's rows are read with their case and project. Callable without HTTP (reports, benchmarks).
/// </summary>
public sealed class StalledStepsQuery(AppDbContext db, WorkingDayCalendar calendar, LightRule lights, IOptions<SupervisionOptions> options)
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// One section of the list: the query its page is read from (in page order), and the same rows as the query that
    /// counts them (which may be phrased differently, to lead the planner to the index that counts them fastest).
    /// </summary>
    private sealed record Section(IQueryable<ApprovalStep> Rows, IQueryable<ApprovalStep> Counted, bool Dated);

    public async Task<StalledStepsPage> RunAsync(SupervisionScope scope, StalledStepsFilter filter, DateTime now, CancellationToken ct)
    {
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var sections = await SectionsAsync(scope, filter, now, ct);
        var counts = new List<int>(sections.Count);
        foreach (var section in sections) counts.Add(await section.Counted.CountAsync(ct));

        var skip = (page - 1) * size;
        var pageIds = new List<Guid>(size);
        for (var i = 0; i < sections.Count && pageIds.Count < size; i++)
        {
            if (skip >= counts[i])
            {
                skip -= counts[i];
                continue;
            }
            var rows = sections[i].Dated
                ? sections[i].Rows.OrderBy(s => s.DueAt).ThenBy(s => s.LastActionAt).ThenBy(s => s.Id)
                : sections[i].Rows.OrderBy(s => s.LastActionAt).ThenBy(s => s.Id);
            pageIds.AddRange(await rows.Skip(skip).Take(size - pageIds.Count).Select(s => s.Id).ToListAsync(ct));
            skip = 0;
        }

        var read = await (
                from s in db.Set<ApprovalStep>()
                where pageIds.Contains(s.Id)
                join c in db.Set<ApprovalCase>() on s.CaseId equals c.Id
                join p in db.Set<Project>() on c.ProjectId equals p.Id
                select new
                {
                    c.Id, StepId = s.Id, ProjectId = p.Id, p.Code, ProjectName = p.Name, c.CountyCode, s.Department, s.StepCode,
                    StepName = s.Name, s.Status, s.TimeLimitDays, s.AcceptedAt, s.DueAt, s.ClockPausedAt, s.LastActionAt,
                })
            .AsNoTracking()
            .ToDictionaryAsync(r => r.StepId, ct);
        var counties = HengshuiCounties.All.ToDictionary(c => c.Code, c => c.Name);
        return new StalledStepsPage(counts.Sum(), page, size, [.. pageIds.Where(read.ContainsKey).Select(id =>
        {
            var r = read[id];
            var reading = r.DueAt is { } due ? Read(due.AsUtc(), r.TimeLimitDays, r.AcceptedAt.AsUtc(), now, r.ClockPausedAt.AsUtc()) : null;
            return new StalledStepRow(r.Id, r.StepId, r.ProjectId, r.Code.Value, r.ProjectName, r.CountyCode, counties.GetValueOrDefault(r.CountyCode),
                r.Department, r.StepCode, r.StepName, r.Status.Term(), reading?.Light.ToString().ToLowerInvariant(), reading?.WorkingDaysLeft,
                reading?.Light == Lights.Light.Red, Math.Max(0, calendar.WorkingDaysBetween(r.LastActionAt.AsUtc(), now)), r.LastActionAt.AsUtc(),
                r.DueAt.AsUtc(), r.ClockPausedAt is not null, $"/cases/{r.Id}");
        })]);
    }

    /// <summary>
    /// The stalled steps in the scope that pass the filter, as three disjoint sections in page order (page order: due
    /// date, none last; then last action; then id): due before now (overdue, or quiet with the clock paused before the
    /// due date), due from now on (quiet, so not overdue), and no due date (quiet).
    /// </summary>
    private async Task<List<Section>> SectionsAsync(SupervisionScope scope, StalledStepsFilter filter, DateTime now, CancellationToken ct)
    {
        var quietSince = QuietSince(now);
        var steps = SupervisedStep.StepsIn(db, scope).Where(SupervisedStep.IsOpen);
        if (!string.IsNullOrWhiteSpace(filter.County)) steps = steps.Where(s => s.CountyCode == filter.County);
        if (!string.IsNullOrWhiteSpace(filter.Department)) steps = steps.Where(s => s.Department == filter.Department);
        if (!string.IsNullOrWhiteSpace(filter.StepCode)) steps = steps.Where(s => s.StepCode == filter.StepCode);

        // Overdue as LightRule reads it: a paused clock is read at the moment it stopped.
        var early = steps.Where(s => s.DueAt < now)
            .Where(s => s.ClockPausedAt == null || s.ClockPausedAt > s.DueAt || s.LastActionAt < quietSince);
        var overdue = early.Where(s => s.ClockPausedAt == null || s.ClockPausedAt > s.DueAt);
        // Due from now on: the rows are read by due date; counted as a range of last action (the due-date range from
        // now would span nearly every open step), hence the due date compared in a form no index serves.
        var late = steps.Where(s => s.LastActionAt < quietSince);
        var lateRows = late.Where(s => s.DueAt >= now);
        var lateCounted = late.Where(s => (s.DueAt ?? DateTime.MinValue) >= now);
        var undated = steps.Where(s => s.DueAt == null && s.LastActionAt < quietSince);

        switch (filter.Light)
        {
            case Lights.Light.Red:
                return [new(overdue, overdue, true)];
            case Lights.Light.Yellow:
            {
                var yellow = await YellowAsync(lateCounted.Where(s => s.ClockPausedAt == null).Select(s => s.TimeLimitDays), now, ct);
                return [new(lateRows.Where(s => s.ClockPausedAt == null).Where(yellow), lateCounted.Where(s => s.ClockPausedAt == null).Where(yellow), true)];
            }
            case Lights.Light.Green:
            {
                var paused = early.Where(s => s.ClockPausedAt != null);
                var notYellow = Not(await YellowAsync(paused.Select(s => s.TimeLimitDays).Union(lateCounted.Select(s => s.TimeLimitDays)), now, ct));
                return
                [
                    new(paused.Where(notYellow), paused.Where(notYellow), true),
                    new(lateRows.Where(notYellow), lateCounted.Where(notYellow), true),
                ];
            }
            default:
                return [new(early, early, true), new(lateRows, lateCounted, true), new(undated, undated, false)];
        }
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
    /// threshold depends on the step's time limit; one comparison per time limit found among the candidate rows.
    /// </summary>
    private async Task<Expression<Func<ApprovalStep, bool>>> YellowAsync(IQueryable<int?> limitsOfCandidates, DateTime now, CancellationToken ct)
    {
        var limits = await limitsOfCandidates.Distinct().ToListAsync(ct);
        var step = Expression.Parameter(typeof(ApprovalStep), "s");
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
        return Expression.Lambda<Func<ApprovalStep, bool>>(body, step);
    }

    private static Expression<Func<ApprovalStep, bool>> Not(Expression<Func<ApprovalStep, bool>> predicate) =>
        Expression.Lambda<Func<ApprovalStep, bool>>(Expression.Not(predicate.Body), predicate.Parameters);
}
