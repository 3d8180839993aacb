using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Gaps;

/// <summary>One tolerated gap; an enterprise sees its own only.</summary>
public sealed record GetGap(Actor Actor, Guid Id) : IQuery<ToleratedGapResponse>;

public sealed class GetGapHandler(AppDbContext db, ApprovalFlow.Web.Features.Lights.SubjectLights lights, TimeProvider clock) : IQueryHandler<GetGap, ToleratedGapResponse>
{
    public async ValueTask<ToleratedGapResponse> Handle(GetGap query, CancellationToken cancellationToken)
    {
        var gap = await db.Set<ToleratedGap>().AsNoTracking().Include(g => g.Materials).SingleOrDefaultAsync(g => g.Id == query.Id, cancellationToken);
        if (gap is null || !await (await db.ProjectsVisibleToAsync(query.Actor, cancellationToken)).AnyAsync(p => p.Id == gap.ProjectId, cancellationToken))
        {
            throw RefusedException.NotFound(L.T("该容缺事项不存在或您无权查看。", $"No tolerated gap {query.Id} that you may see."));
        }
        return ToleratedGapResponse.From(gap, lights, clock.GetUtcNow().UtcDateTime);
    }
}
