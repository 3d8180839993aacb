using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Projects;

public sealed record ProjectHistoryResponse(DateTime At, string By, string Change, string? From, string? To, string? Reason)
{
    public static ProjectHistoryResponse Of(ProjectHistoryEntry h) => new(h.At.AsUtc(), h.By, h.Change, h.From, h.To, h.Reason);
}

/// <summary>A project's history, oldest first: its registration, list moves and paired leaders.</summary>
public sealed record GetProjectHistory(Actor Actor, Guid Id) : IQuery<ProjectHistoryResponse[]>;

public sealed class GetProjectHistoryHandler(AppDbContext db) : IQueryHandler<GetProjectHistory, ProjectHistoryResponse[]>
{
    public async ValueTask<ProjectHistoryResponse[]> Handle(GetProjectHistory query, CancellationToken cancellationToken)
    {
        if (!await (await db.ProjectsVisibleToAsync(query.Actor, cancellationToken)).AnyAsync(p => p.Id == query.Id, cancellationToken))
        {
            throw RefusedException.NotFound(L.T("该项目不存在。", $"Project {query.Id} does not exist."));
        }
        var entries = await db.Set<ProjectHistoryEntry>()
            .AsNoTracking()
            .Where(h => h.ProjectId == query.Id)
            .OrderBy(h => h.At)
            .ToListAsync(cancellationToken);
        return [.. entries.Select(ProjectHistoryResponse.Of)];
    }
}
