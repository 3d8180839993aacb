using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Gaps;

/// <summary>The tolerated gaps of a project or of a step; an enterprise sees its own only.</summary>
public sealed record ListGaps(Actor Actor, Guid? ProjectId, Guid? StepId) : IQuery<ToleratedGapResponse[]>;

public sealed class ListGapsHandler(AppDbContext db, ApprovalFlow.Web.Features.Lights.SubjectLights lights, TimeProvider clock) : IQueryHandler<ListGaps, ToleratedGapResponse[]>
{
    public async ValueTask<ToleratedGapResponse[]> Handle(ListGaps query, CancellationToken cancellationToken)
    {
        var gaps = db.Set<ToleratedGap>().AsNoTracking().Include(g => g.Materials).AsQueryable();
        // The gaps of the projects the caller may see (an enterprise its own; a county's officers their county's).
        var visible = (await db.ProjectsVisibleToAsync(query.Actor, cancellationToken)).Select(p => p.Id);
        gaps = gaps.Where(g => visible.Contains(g.ProjectId));
        if (query.ProjectId is { } project) gaps = gaps.Where(g => g.ProjectId == project);
        if (query.StepId is { } step) gaps = gaps.Where(g => g.StepId == step);
        var list = await gaps.ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return list.OrderBy(g => g.OpenedAt).Select(g => ToleratedGapResponse.From(g, lights, now)).ToArray();
    }
}
