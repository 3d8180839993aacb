using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Enterprises;

/// <summary>Staff see every enterprise; an enterprise user sees only its own.</summary>
public sealed record ListEnterprises(Actor Actor) : IQuery<EnterpriseResponse[]>;

public sealed class ListEnterprisesHandler(AppDbContext db) : IQueryHandler<ListEnterprises, EnterpriseResponse[]>
{
    public async ValueTask<EnterpriseResponse[]> Handle(ListEnterprises query, CancellationToken cancellationToken)
    {
        var enterprises = db.Set<Enterprise>().AsNoTracking();
        if (!query.Actor.SeesEverything)
        {
            var own = await db.EnterpriseOfAsync(query.Actor.UserId, cancellationToken);
            enterprises = enterprises.Where(e => e.Id == own);
        }
        var rows = await enterprises.OrderBy(e => e.Name).ToListAsync(cancellationToken);
        return [.. rows.Select(EnterpriseResponse.From)];
    }
}
