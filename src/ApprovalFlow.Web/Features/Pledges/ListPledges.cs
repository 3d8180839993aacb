using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Pledges;

/// <summary>The pledges of a project (or all the caller may see); an enterprise sees its own only.</summary>
public sealed record ListPledges(Actor Actor, Guid? ProjectId) : IQuery<PledgeResponse[]>;

public sealed class ListPledgesHandler(AppDbContext db) : IQueryHandler<ListPledges, PledgeResponse[]>
{
    public async ValueTask<PledgeResponse[]> Handle(ListPledges query, CancellationToken cancellationToken)
    {
        var pledges = db.Set<Pledge>().AsNoTracking();
        // The pledges of the projects the caller may see (an enterprise its own; a county's officers their county's).
        var visible = (await db.ProjectsVisibleToAsync(query.Actor, cancellationToken)).Select(p => p.Id);
        pledges = pledges.Where(p => visible.Contains(p.ProjectId));
        if (query.ProjectId is { } project) pledges = pledges.Where(p => p.ProjectId == project);
        var list = await pledges.ToListAsync(cancellationToken);
        return list.OrderBy(p => p.SignedAt).Select(p => PledgeResponse.From(p)).ToArray();
    }
}
