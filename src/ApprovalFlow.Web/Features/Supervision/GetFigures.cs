using System.Globalization;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Supervision;

public sealed record SupervisionFigures(string GroupBy, DateOnly From, DateOnly To, DateTime AsOf, FigureRow[] Rows);

/// <summary>
/// The figures per county, department or step for a period (GET /api/supervision/figures); from and to are days in
/// China time, both included; by default the current month. An officer sees only their department's steps.
/// </summary>
public sealed record GetFigures(Actor Actor, string? GroupBy, string? From, string? To) : IQuery<SupervisionFigures>;

public sealed class GetFiguresHandler(AppDbContext db, SupervisionFiguresQuery figures, TimeProvider clock)
    : IQueryHandler<GetFigures, SupervisionFigures>
{
    public async ValueTask<SupervisionFigures> Handle(GetFigures query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        var groupBy = FigureGrouping.County;
        if (!string.IsNullOrWhiteSpace(query.GroupBy)
            && !(Enum.TryParse(query.GroupBy, ignoreCase: true, out groupBy) && Enum.IsDefined(groupBy) && !int.TryParse(query.GroupBy, out _)))
        {
            errors["groupBy"] = [L.T("请按 county（县市区）、department（部门）或 step（环节）分组。", "Group by county, department or step.")];
        }
        var month = SupervisionPeriod.Month(ChinaStandardTime.DateOf(now));
        var from = Day(query.From, "from", month.First, errors);
        var to = Day(query.To, "to", month.Last, errors);
        if (errors.Count == 0 && to < from) errors["to"] = [L.T("统计期间的结束日期早于开始日期。", "The period ends before it begins.")];
        if (errors.Count > 0) throw RefusedException.Invalid(errors);

        var scope = await SupervisionScope.OfAsync(db, query.Actor, cancellationToken);
        var period = new SupervisionPeriod(from, to);
        var rows = await figures.RunAsync(scope, groupBy, period, now, cancellationToken);
        return new SupervisionFigures(groupBy.ToString().ToLowerInvariant(), from, to, period.AsOf(now), rows);
    }

    private static DateOnly Day(string? text, string field, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors[field] = [L.T("日期格式须为 yyyy-MM-dd。", "Days read yyyy-MM-dd.")];
        return fallback;
    }
}
