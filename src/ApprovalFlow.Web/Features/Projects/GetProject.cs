using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Projects;

/// <summary>One project; another enterprise's project is reported as missing.</summary>
public sealed record GetProject(Actor Actor, Guid Id) : IQuery<ProjectResponse>;

public sealed class GetProjectHandler(AppDbContext db) : IQueryHandler<GetProject, ProjectResponse>
{
    public async ValueTask<ProjectResponse> Handle(GetProject query, CancellationToken cancellationToken)
    {
        var project = await (await db.ProjectsVisibleToAsync(query.Actor, cancellationToken))
            .AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == query.Id, cancellationToken)
            ?? throw RefusedException.NotFound(L.T("该项目不存在。", $"Project {query.Id} does not exist."));
        return ProjectResponse.From(project);
    }
}
