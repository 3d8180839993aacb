using System.Linq.Expressions;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Counties;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>
/// Counts the figures of a period per county, department or step. Open and overdue are counted by the database at
/// the period's end (or now); the decisions of the period are read (four columns each) because working days need the
/// calendar. Per county every one of the 13 appears, with zeros where nothing happened.
/// </summary>
public sealed class SupervisionFiguresQuery(AppDbContext db, WorkingDayCalendar calendar)
{
    public async Task<FigureRow[]> RunAsync(SupervisionScope scope, FigureGrouping groupBy, SupervisionPeriod period, DateTime now,
        CancellationToken ct)
    {
        var asOf = period.AsOf(now);
        var from = period.StartUtc;
        var to = asOf;
        var key = KeyOf(groupBy);
        var steps = SupervisedStep.In(db, scope);
        var open = SupervisedStep.OpenStatuses;
        var virtuallyApproved = StepStatus.VirtuallyApproved;

        var openAt = steps.Where(r => r.Step.CreatedAt <= asOf
            && (r.Step.DecidedAt > asOf || (open.Contains(r.Step.Status) && (r.Step.DecidedAt == null || r.Step.Status == virtuallyApproved))));
        var openCounts = await openAt.GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var overdueCounts = await openAt
            .Where(r => r.Step.DueAt != null && r.Step.DueAt < asOf && (r.Step.ClockPausedAt == null || r.Step.ClockPausedAt > r.Step.DueAt))
            .GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var decided = await steps.Where(r => r.Step.DecidedAt >= from && r.Step.DecidedAt < to)
            .Select(Decision(groupBy))
            .ToListAsync(ct);

        var keys = openCounts.Keys.Concat(overdueCounts.Keys).Concat(decided.Select(d => d.Key)).ToHashSet();
        var counties = HengshuiCounties.All.OrderBy(c => c.SortOrder).ToList();
        IEnumerable<(string Key, string? Name)> rows = groupBy == FigureGrouping.County
            ? counties.Select(c => (c.Code, (string?)c.Name)).Concat(keys.Where(k => counties.All(c => c.Code != k)).Order().Select(k => (k, (string?)null)))
            : keys.Order(StringComparer.Ordinal).Select(k => (k, (string?)null));

        var byKey = decided.ToLookup(d => d.Key);
        return [.. rows.Select(r =>
        {
            var mine = byKey[r.Key].ToList();
            var days = mine.Where(d => d.AcceptedAt is not null)
                .Select(d => Math.Max(0, calendar.WorkingDaysBetween(d.AcceptedAt!.Value.AsUtc(), d.DecidedAt!.Value.AsUtc())))
                .Order().ToList();
            var withLimit = mine.Where(d => d.DueAt is not null).ToList();
            return new FigureRow(r.Key, r.Name, openCounts.GetValueOrDefault(r.Key), overdueCounts.GetValueOrDefault(r.Key), mine.Count,
                days.Count == 0 ? null : Math.Round(days.Average(), 2),
                NearestRank(days, 0.9),
                withLimit.Count == 0 ? null : Math.Round((double)withLimit.Count(d => d.DecidedAt <= d.DueAt) / withLimit.Count, 4));
        })];
    }

    /// <summary>The nearest-rank percentile of sorted values: the smallest value with at least that share at or below it.</summary>
    public static int? NearestRank(IReadOnlyList<int> sorted, double share) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static Expression<Func<SupervisedStep, string>> KeyOf(FigureGrouping groupBy) => groupBy switch
    {
        FigureGrouping.Department => r => r.Step.Department,
        FigureGrouping.Step => r => r.Step.StepCode,
        _ => r => r.Case.CountyCode,
    };

    private static Expression<Func<SupervisedStep, DecisionRow>> Decision(FigureGrouping groupBy) => groupBy switch
    {
        FigureGrouping.Department => r => new DecisionRow { Key = r.Step.Department, AcceptedAt = r.Step.AcceptedAt, DecidedAt = r.Step.DecidedAt, DueAt = r.Step.DueAt },
        FigureGrouping.Step => r => new DecisionRow { Key = r.Step.StepCode, AcceptedAt = r.Step.AcceptedAt, DecidedAt = r.Step.DecidedAt, DueAt = r.Step.DueAt },
        _ => r => new DecisionRow { Key = r.Case.CountyCode, AcceptedAt = r.Step.AcceptedAt, DecidedAt = r.Step.DecidedAt, DueAt = r.Step.DueAt },
    };

    private sealed class DecisionRow
    {
        public required string Key { get; init; }

        public DateTime? AcceptedAt { get; init; }

        public DateTime? DecidedAt { get; init; }

        public DateTime? DueAt { get; init; }
    }
}
