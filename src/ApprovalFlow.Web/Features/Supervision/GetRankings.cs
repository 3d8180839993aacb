using System.Globalization;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>The monthly county rankings (GET /api/supervision/rankings?month=2026-10; default: the current month).</summary>
public sealed record GetRankings(string? Month) : IQuery<MonthlyRankings>;

public sealed class GetRankingsHandler(MonthlyRankingsQuery rankings, TimeProvider clock) : IQueryHandler<GetRankings, MonthlyRankings>
{
    public async ValueTask<MonthlyRankings> Handle(GetRankings query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var current = MonthlyRankingsQuery.MonthOf(now);
        var month = current;
        if (!string.IsNullOrWhiteSpace(query.Month))
        {
            if (!DateOnly.TryParseExact(query.Month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
                throw RefusedException.Invalid("month", L.T("月份格式须为 yyyy-MM，如 2026-10。", "The month must read yyyy-MM, e.g. 2026-10."));
            if (month > current) throw RefusedException.Invalid("month", L.T($"{query.Month} 尚未开始；排名目前截至 {current:yyyy-MM}。", $"{query.Month} has not begun; rankings exist up to {current:yyyy-MM}."));
        }
        return await rankings.RunAsync(month.Year, month.Month, now, cancellationToken);
    }
}
