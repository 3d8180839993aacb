using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Supervision;

namespace ApprovalFlow.Web.Features.Reports;

/// <summary>
/// Gathers a period's report: the per-county figures of the period, the rankings of the month it ends in, and the
/// steps stalled at its end (or now), all city-wide. Times are written in China time.
/// </summary>
public sealed class ReportBuilder(SupervisionFiguresQuery figures, MonthlyRankingsQuery rankings, StalledStepsQuery stalled)
{
    /// <summary>Stalled steps beyond this many are left out of a report (its title says how many there were).</summary>
    public const int MaxStalledRows = 5_000;

    public static readonly string[] FigureHeaders =
        ["县市区代码", "县市区", "在办环节数", "超期环节数", "办结数", "平均办理工作日", "90%分位办理工作日", "按时办结率"];

    public static readonly string[] StalledHeaders =
        ["案件编号", "项目代码", "项目名称", "县市区", "部门", "环节", "状态", "灯色", "剩余工作日", "无操作工作日", "最后操作时间", "截止时间", "链接"];

    public async Task<ReportContent> BuildAsync(ReportKind kind, SupervisionPeriod period, DateTime now, CancellationToken ct)
    {
        var asOf = period.AsOf(now);
        var figureRows = await figures.RunAsync(SupervisionScope.All, FigureGrouping.County, period, now, ct);
        var month = new DateOnly(period.Last.Year, period.Last.Month, 1);
        var current = MonthlyRankingsQuery.MonthOf(now);
        if (month > current) month = current;
        var ranked = await rankings.RunAsync(month.Year, month.Month, now, ct);

        var stalledRows = new List<StalledStepRow>();
        var total = 0;
        for (var page = 1; stalledRows.Count < MaxStalledRows; page++)
        {
            var result = await stalled.RunAsync(SupervisionScope.All, new StalledStepsFilter(Page: page, PageSize: StalledStepsQuery.MaxPageSize), asOf, ct);
            total = result.Total;
            stalledRows.AddRange(result.Rows);
            if (result.Rows.Length < StalledStepsQuery.MaxPageSize) break;
        }

        var rankingHeaders = new List<string> { "县市区代码", "县市区" };
        foreach (var i in RankingIndicators.All) rankingHeaders.AddRange([i.Heading(), i.Heading() + "排名"]);
        rankingHeaders.AddRange(["末位指标", "需说明会议", "原因"]);

        return new ReportContent(kind, period.First, period.Last, asOf,
        [
            new ReportTable("统计数据", FigureHeaders, [.. figureRows.Select(r => new object?[]
            {
                r.Key, r.Name, r.Open, r.Overdue, r.Completed, r.AverageWorkingDaysToDecide, r.P90WorkingDaysToDecide, r.ShareDecidedWithinLimit,
            })]),
            new ReportTable($"县区排名（{ranked.Month}）", rankingHeaders, [.. ranked.Counties.Select(c =>
            {
                var cells = new List<object?> { c.County, c.Name };
                foreach (var i in RankingIndicators.All) cells.AddRange([i.ValueOf(c.Figures), c.Ranks[i.Term()]]);
                cells.AddRange([string.Join("、", c.LastOn.Select(t => RankingIndicators.All.Single(i => i.Term() == t).Heading())),
                    c.SummonsHeading, string.Join("; ", c.Reasons)]);
                return cells.ToArray();
            })]),
            new ReportTable(total > stalledRows.Count ? $"停滞环节（共{total}条，列出{stalledRows.Count}条）" : "停滞环节", StalledHeaders,
            [.. stalledRows.Select(s => new object?[]
            {
                s.CaseId.ToString(), s.ProjectCode, s.ProjectName, s.CountyName ?? s.CountyCode, s.Department, s.StepName, s.Status, LightHeading(s.Light),
                s.WorkingDaysLeft, s.WorkingDaysWithoutAction, ChinaTime(s.LastActionAt), s.DueAt is { } due ? ChinaTime(due) : null, s.Link,
            })]),
        ]);
    }

    private static string ChinaTime(DateTime utc) => (utc.AsUtc() + ChinaStandardTime.Offset).ToString("yyyy-MM-dd HH:mm");

    private static string? LightHeading(string? light) => light switch
    {
        "red" => "红灯",
        "yellow" => "黄灯",
        "green" => "绿灯",
        _ => null,
    };
}
