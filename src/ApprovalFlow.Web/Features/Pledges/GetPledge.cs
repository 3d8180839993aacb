using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Pledges;

/// <summary>One pledge with its verifications and a fresh check of its hash; an enterprise sees its own only.</summary>
public sealed record GetPledge(Actor Actor, Guid Id) : IQuery<PledgeResponse>;

public sealed class GetPledgeHandler(AppDbContext db) : IQueryHandler<GetPledge, PledgeResponse>
{
    public async ValueTask<PledgeResponse> Handle(GetPledge query, CancellationToken cancellationToken)
    {
        var pledge = await db.Set<Pledge>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.Id, cancellationToken);
        if (pledge is null || !await (await db.ProjectsVisibleToAsync(query.Actor, cancellationToken)).AnyAsync(p => p.Id == pledge.ProjectId, cancellationToken))
        {
            throw RefusedException.NotFound(L.T("该承诺书不存在或您无权查看。", $"No pledge {query.Id} that you may see."));
        }
        var verifications = await db.Set<PledgeVerification>().AsNoTracking().Where(v => v.PledgeId == pledge.Id).ToListAsync(cancellationToken);
        return PledgeResponse.From(pledge, verifications);
    }
}
