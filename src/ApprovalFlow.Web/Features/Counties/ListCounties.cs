using ApprovalFlow.Web.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Counties;

public sealed record CountyResponse(string Code, string Name, decimal InvestmentGrowthTarget2020);

public sealed record ListCounties : IQuery<CountyResponse[]>;

public sealed class ListCountiesHandler(AppDbContext db) : IQueryHandler<ListCounties, CountyResponse[]>
{
    public async ValueTask<CountyResponse[]> Handle(ListCounties query, CancellationToken cancellationToken) =>
        await db.Set<County>()
            .AsNoTracking()
            .OrderBy(c => c.SortOrder)
            .Select(c => new CountyResponse(c.Code, c.Name, c.InvestmentGrowthTarget2020))
            .ToArrayAsync(cancellationToken);
}
