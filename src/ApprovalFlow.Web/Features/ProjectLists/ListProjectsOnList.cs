using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.ProjectLists;

public sealed record ListedProject(
    Guid Id, string Code, string Name, string CountyCode, string CountyName, string Enterprise, string Industry, decimal TotalInvestment,
    string Kind, string? PairedLeaderName, string? PairedLeaderUserId);

public sealed record ProjectListResponse(string List, string Heading, decimal ThresholdTenThousandYuan, decimal TotalInvestment, ListedProject[] Projects);

/// <summary>One of the three lists (GET /api/project-lists/{list}): its projects of 5,000 万元 and more with their paired leaders.</summary>
public sealed record ListProjectsOnList(Actor Actor, string? List) : IQuery<ProjectListResponse>;

public sealed class ListProjectsOnListHandler(AppDbContext db) : IQueryHandler<ListProjectsOnList, ProjectListResponse>
{
    public async ValueTask<ProjectListResponse> Handle(ListProjectsOnList query, CancellationToken cancellationToken)
    {
        if (!ProjectTerms.TryReadList(query.List, out var list) || !ProjectListTerms.Three.Contains(list))
            throw RefusedException.NotFound(L.T($"没有“{query.List}”清单；三个清单为 under-construction（在建）、planned-new-start（拟新开工）和 reserve（储备）。", $"There is no list '{query.List}'; the three lists are under-construction, planned-new-start and reserve."));

        var projects = await (await db.ProjectsVisibleToAsync(query.Actor, cancellationToken))
            .AsNoTracking().Where(p => p.List == list).ToListAsync(cancellationToken);
        // SQLite keeps decimals as text, so the threshold is applied here rather than in SQL.
        var listed = projects.Where(p => p.TotalInvestment >= ProjectListTerms.Threshold)
            .OrderBy(p => p.County.SortOrder).ThenByDescending(p => p.TotalInvestment).ThenBy(p => p.Code.Value)
            .Select(p => new ListedProject(p.Id, p.Code.Value, p.Name, p.CountyCode, p.County.Name, p.Enterprise.Name, p.Industry, p.TotalInvestment,
                p.Kind.Term(), p.PairedLeaderName, p.PairedLeaderUserId))
            .ToArray();
        return new ProjectListResponse(list.Term(), list.Heading(), ProjectListTerms.Threshold, listed.Sum(p => p.TotalInvestment), listed);
    }
}
