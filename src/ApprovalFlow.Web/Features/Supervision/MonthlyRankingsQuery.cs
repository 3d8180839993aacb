using ApprovalFlow.Web.Features.Calendar;

namespace ApprovalFlow.Web.Features.Supervision;

public sealed record RankingIndicatorInfo(string Indicator, string Heading, string Better);

/// <summary>A county's month: its figures, its rank on each indicator (null: not ranked), what it was last on, and the summons.</summary>
public sealed record CountyRanking(
    string County, string? Name, FigureRow Figures, IReadOnlyDictionary<string, int?> Ranks, string[] LastOn, string Summons,
    string SummonsHeading, IReadOnlyList<string> Reasons);

public sealed record MonthlyRankings(string Month, RankingIndicatorInfo[] Indicators, CountyRanking[] Counties);

/// <summary>
/// Ranks the 13 counties for a month (月度排名) on every <see cref="RankingIndicator"/>, and applies the
/// <see cref="MeetingRule"/> over that month and the two before it. Figures cover every county, so rankings are
/// city-wide whoever asks.
/// </summary>
public sealed class MonthlyRankingsQuery(SupervisionFiguresQuery figures)
{
    public async Task<MonthlyRankings> RunAsync(int year, int month, DateTime now, CancellationToken ct)
    {
        var judged = new DateOnly(year, month, 1);
        var months = new List<(FigureRow[] Rows, Dictionary<RankingIndicator, IReadOnlyDictionary<string, CountyRanks.Rank>> Ranks)>();
        foreach (var first in new[] { judged.AddMonths(-2), judged.AddMonths(-1), judged })
        {
            var rows = await figures.RunAsync(SupervisionScope.All, FigureGrouping.County, SupervisionPeriod.Month(first), now, ct);
            months.Add((rows, RankingIndicators.All.ToDictionary(i => i,
                i => CountyRanks.Of(rows.ToDictionary(r => r.Key, r => i.ValueOf(r)), i.HigherIsBetter()))));
        }

        var current = months[^1];
        var counties = current.Rows.Select(row =>
        {
            var lastOn = months.Select(m => (IReadOnlySet<RankingIndicator>)RankingIndicators.All
                .Where(i => m.Ranks[i].TryGetValue(row.Key, out var rank) && rank.Last).ToHashSet()).ToList();
            var verdict = MeetingRule.Judge(lastOn);
            return new CountyRanking(row.Key, row.Name, row,
                RankingIndicators.All.ToDictionary(i => i.Term(), i => current.Ranks[i].TryGetValue(row.Key, out var rank) ? rank.Position : (int?)null),
                [.. lastOn[^1].Select(i => i.Term())], verdict.Summons.Term(), verdict.Summons.Heading(), verdict.Reasons);
        }).ToArray();
        return new MonthlyRankings($"{judged:yyyy-MM}",
            [.. RankingIndicators.All.Select(i => new RankingIndicatorInfo(i.Term(), i.Heading(), i.HigherIsBetter() ? "higher" : "lower"))],
            counties);
    }

    /// <summary>The month of China time that <paramref name="now"/> falls in.</summary>
    public static DateOnly MonthOf(DateTime now) => ChinaStandardTime.DateOf(now) is var d ? new DateOnly(d.Year, d.Month, 1) : default;
}
