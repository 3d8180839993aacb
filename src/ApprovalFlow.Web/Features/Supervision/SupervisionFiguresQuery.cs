using System.Linq.Expressions;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Counties;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>
/// Counts the figures of a period per county, department or step, all in the database: open and overdue at the
/// period's end (or now), each as two disjoint parts (still open; decided after that moment) so that the open part is
/// counted inside the partial open-step index; the decisions of the period grouped by key, day of acceptance and day of
/// decision (China Standard Time) and whether they kept the limit — a few hundred groups, whose working days are then
/// counted here with the calendar, once per pair of days. Per county every one of the 13 appears, with zeros where
/// nothing happened. The step carries its county, so no query joins the cases.
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
        var steps = SupervisedStep.StepsIn(db, scope);
        var virtuallyApproved = StepStatus.VirtuallyApproved;

        // Open at asOf: created by then and not decided by then (a virtual approval does not close a step).
        var stillOpen = steps.Where(SupervisedStep.IsOpen).Where(s => (s.DecidedAt == null || s.Status == virtuallyApproved) && s.CreatedAt <= asOf);
        var decidedLater = steps.Where(s => s.DecidedAt > asOf && s.CreatedAt <= asOf && s.Status != virtuallyApproved);
        Expression<Func<ApprovalStep, bool>> overdue = s => s.DueAt != null && s.DueAt < asOf && (s.ClockPausedAt == null || s.ClockPausedAt > s.DueAt);
        var openCounts = Sum(await CountAsync(stillOpen, key, ct), await CountAsync(decidedLater, key, ct));
        var overdueCounts = Sum(await CountAsync(stillOpen.Where(overdue), key, ct), await CountAsync(decidedLater.Where(overdue), key, ct));

        var offset = ChinaStandardTime.Offset.TotalHours;
        var decided = await steps.Where(s => s.DecidedAt >= from && s.DecidedAt < to)
            .Select(Decision(groupBy, offset))
            .GroupBy(d => new { d.Key, d.AcceptedDay, d.DecidedDay, d.HasLimit, d.WithinLimit })
            .Select(g => new DecisionGroup(g.Key.Key, g.Key.AcceptedDay, g.Key.DecidedDay, g.Key.HasLimit, g.Key.WithinLimit, g.Count()))
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
            var days = mine.Where(d => d.AcceptedDay is not null)
                .Select(d => (Days: Math.Max(0, calendar.WorkingDaysBetween(DateOnly.FromDateTime(d.AcceptedDay!.Value), DateOnly.FromDateTime(d.DecidedDay))), d.Count))
                .ToList();
            var counted = days.Sum(d => d.Count);
            var withLimit = mine.Where(d => d.HasLimit).Sum(d => d.Count);
            return new FigureRow(r.Key, r.Name, openCounts.GetValueOrDefault(r.Key), overdueCounts.GetValueOrDefault(r.Key), mine.Sum(d => d.Count),
                counted == 0 ? null : Math.Round((double)days.Sum(d => (long)d.Days * d.Count) / counted, 2),
                NearestRankOfCounted(days, 0.9),
                withLimit == 0 ? null : Math.Round((double)mine.Where(d => d.HasLimit && d.WithinLimit).Sum(d => d.Count) / withLimit, 4));
        })];
    }

    /// <summary>The nearest-rank percentile of sorted values: the smallest value with at least that share at or below it.</summary>
    public static int? NearestRank(IReadOnlyList<int> sorted, double share) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The nearest-rank percentile of values given with how often each occurs.</summary>
    public static int? NearestRankOfCounted(IReadOnlyList<(int Value, int Count)> counted, double share)
    {
        var total = counted.Sum(c => (long)c.Count);
        if (total == 0) return null;
        var rank = Math.Clamp((long)Math.Ceiling(share * total), 1, total);
        long seen = 0;
        foreach (var (value, count) in counted.OrderBy(c => c.Value))
        {
            seen += count;
            if (seen >= rank) return value;
        }
        return null;
    }

    private static async Task<Dictionary<string, int>> CountAsync(IQueryable<ApprovalStep> steps, Expression<Func<ApprovalStep, string>> key,
        CancellationToken ct) =>
        await steps.GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    private static Dictionary<string, int> Sum(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        foreach (var (k, n) in b) a[k] = a.GetValueOrDefault(k) + n;
        return a;
    }

    private static Expression<Func<ApprovalStep, string>> KeyOf(FigureGrouping groupBy) => groupBy switch
    {
        FigureGrouping.Department => s => s.Department,
        FigureGrouping.Step => s => s.StepCode,
        _ => s => s.CountyCode,
    };

    /// <summary>A decision's key, its days of acceptance and decision in China Standard Time, and whether it kept its limit.</summary>
    private static Expression<Func<ApprovalStep, DecisionRow>> Decision(FigureGrouping groupBy, double offsetHours) => groupBy switch
    {
        FigureGrouping.Department => s => new DecisionRow
        {
            Key = s.Department, AcceptedDay = s.AcceptedAt == null ? null : s.AcceptedAt.Value.AddHours(offsetHours).Date,
            DecidedDay = s.DecidedAt!.Value.AddHours(offsetHours).Date, HasLimit = s.DueAt != null, WithinLimit = s.DueAt != null && s.DecidedAt <= s.DueAt,
        },
        FigureGrouping.Step => s => new DecisionRow
        {
            Key = s.StepCode, AcceptedDay = s.AcceptedAt == null ? null : s.AcceptedAt.Value.AddHours(offsetHours).Date,
            DecidedDay = s.DecidedAt!.Value.AddHours(offsetHours).Date, HasLimit = s.DueAt != null, WithinLimit = s.DueAt != null && s.DecidedAt <= s.DueAt,
        },
        _ => s => new DecisionRow
        {
            Key = s.CountyCode, AcceptedDay = s.AcceptedAt == null ? null : s.AcceptedAt.Value.AddHours(offsetHours).Date,
            DecidedDay = s.DecidedAt!.Value.AddHours(offsetHours).Date, HasLimit = s.DueAt != null, WithinLimit = s.DueAt != null && s.DecidedAt <= s.DueAt,
        },
    };

    private sealed class DecisionRow
    {
        public required string Key { get; init; }

        public DateTime? AcceptedDay { get; init; }

        public DateTime DecidedDay { get; init; }

        public bool HasLimit { get; init; }

        public bool WithinLimit { get; init; }
    }

    private sealed record DecisionGroup(string Key, DateTime? AcceptedDay, DateTime DecidedDay, bool HasLimit, bool WithinLimit, int Count);
}
