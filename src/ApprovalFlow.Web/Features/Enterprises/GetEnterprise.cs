using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Enterprises;

/// <summary>One enterprise; another enterprise's user is told it does not exist.</summary>
public sealed record GetEnterprise(Actor Actor, Guid Id) : IQuery<EnterpriseResponse>;

public sealed class GetEnterpriseHandler(AppDbContext db) : IQueryHandler<GetEnterprise, EnterpriseResponse>
{
    public async ValueTask<EnterpriseResponse> Handle(GetEnterprise query, CancellationToken cancellationToken)
    {
        var visible = query.Actor.SeesEverything
            || await db.EnterpriseOfAsync(query.Actor.UserId, cancellationToken) == query.Id;
        var enterprise = visible
            ? await db.Set<Enterprise>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == query.Id, cancellationToken)
            : null;
        return enterprise is null
            ? throw RefusedException.NotFound(L.T("该企业不存在。", $"Enterprise {query.Id} does not exist."))
            : EnterpriseResponse.From(enterprise);
    }
}
