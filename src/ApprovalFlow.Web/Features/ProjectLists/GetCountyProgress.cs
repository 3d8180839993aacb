using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Counties;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.ProjectLists;

public sealed record CountyProgress(
    string County, string Name, decimal GrowthTarget, decimal CompletedThisYear, decimal CompletedSamePeriodLastYear, decimal? Growth,
    bool? OnTarget);

public sealed record CountyProgressResponse(int Year, int ThroughMonth, CountyProgress[] Counties);

/// <summary>
/// Each county's investment completed from January through a month, against the same months a year earlier, and its
/// growth (%) against its target (Annex 1 of the seed). Growth is unknown while last year has nothing reported.
/// </summary>
public sealed record GetCountyProgress(int? Year, int? ThroughMonth) : IQuery<CountyProgressResponse>;

public sealed class GetCountyProgressHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<GetCountyProgress, CountyProgressResponse>
{
    public async ValueTask<CountyProgressResponse> Handle(GetCountyProgress query, CancellationToken cancellationToken)
    {
        var today = ChinaStandardTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var year = query.Year ?? today.Year;
        var through = query.ThroughMonth ?? (year == today.Year ? today.Month : 12);
        if (year is < 2000 or > 2100) throw RefusedException.Invalid("year", L.T("年份须在 2000 至 2100 之间。", "The year must be within 2000..2100."));
        if (through is < 1 or > 12) throw RefusedException.Invalid("throughMonth", L.T("月份须在 1 至 12 之间。", "The month must be within 1..12."));

        // Amounts are summed here: SQLite keeps decimals as text.
        var rows = await (
            from r in db.Set<InvestmentReport>()
            join p in db.Set<Project>() on r.ProjectId equals p.Id
            where (r.Year == year || r.Year == year - 1) && r.Month <= through
            select new { p.CountyCode, r.Year, r.AmountCompleted }).AsNoTracking().ToListAsync(cancellationToken);
        var counties = await db.Set<County>().AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        return new CountyProgressResponse(year, through, [.. counties.Select(c =>
        {
            var now = rows.Where(r => r.CountyCode == c.Code && r.Year == year).Sum(r => r.AmountCompleted);
            var before = rows.Where(r => r.CountyCode == c.Code && r.Year == year - 1).Sum(r => r.AmountCompleted);
            decimal? growth = before == 0 ? null : Math.Round((now / before - 1) * 100, 2);
            return new CountyProgress(c.Code, c.Name, c.InvestmentGrowthTarget2020, now, before, growth, growth is { } g ? g >= c.InvestmentGrowthTarget2020 : null);
        })]);
    }
}
