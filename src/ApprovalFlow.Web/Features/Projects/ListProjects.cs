using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Projects;

/// <summary>
/// The projects the caller may see, newest first; <c>mine</c> keeps those whose paired leader is the caller,
/// the other filters keep one county (code or name), list or kind.
/// </summary>
public sealed record ListProjects(Actor Actor, bool Mine, string? County, string? List, string? Kind) : IQuery<ProjectResponse[]>;

public sealed class ListProjectsHandler(AppDbContext db) : IQueryHandler<ListProjects, ProjectResponse[]>
{
    public async ValueTask<ProjectResponse[]> Handle(ListProjects query, CancellationToken cancellationToken)
    {
        var projects = (await db.ProjectsVisibleToAsync(query.Actor, cancellationToken)).AsNoTracking();
        if (query.Mine)
        {
            projects = projects.Where(p => p.PairedLeaderUserId == query.Actor.UserId);
        }
        if (!string.IsNullOrWhiteSpace(query.County))
        {
            var county = query.County.Trim();
            projects = projects.Where(p => p.CountyCode == county || p.County.Name == county);
        }
        if (query.List is not null)
        {
            var list = ProjectTerms.TryReadList(query.List, out var l)
                ? l
                : throw RefusedException.Invalid("list", L.T($"清单须为以下之一：{ProjectTerms.ListChoices}。", $"The list must be one of {ProjectTerms.ListChoices}."));
            projects = projects.Where(p => p.List == list);
        }
        if (query.Kind is not null)
        {
            var kind = ProjectTerms.TryReadKind(query.Kind, out var k)
                ? k
                : throw RefusedException.Invalid("kind", L.T($"项目类型须为以下之一：{ProjectTerms.KindChoices}。", $"The kind must be one of {ProjectTerms.KindChoices}."));
            projects = projects.Where(p => p.Kind == kind);
        }
        var rows = await projects.OrderByDescending(p => p.RegisteredAt).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        return [.. rows.Select(ProjectResponse.From)];
    }
}
