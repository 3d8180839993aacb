using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Designer;

public sealed record DefinitionVersionResponse(
    Guid Id,
    string Key,
    int Version,
    string? Name,
    DateTime DeployedAt,
    string? DeployedBy,
    bool Latest,
    int RunningInstances,
    IReadOnlyList<VersionCaseResponse> RunningCases);

/// <summary>A running approval case on a version: which project it is.</summary>
public sealed record VersionCaseResponse(Guid CaseId, string ProjectCode, string ProjectName, string Mode, DateTime StartedAt);

/// <summary>
/// Every deployed version (版本), newest first per key, with how many running process instances use it and which running
/// approval cases they are: publishing a new version never moves them.
/// </summary>
public sealed record ListDefinitionVersions(Actor Actor) : IQuery<IReadOnlyList<DefinitionVersionResponse>>;

public sealed class ListDefinitionVersionsHandler(AppDbContext db) : IQueryHandler<ListDefinitionVersions, IReadOnlyList<DefinitionVersionResponse>>
{
    public async ValueTask<IReadOnlyList<DefinitionVersionResponse>> Handle(ListDefinitionVersions query, CancellationToken ct)
    {
        DesignerAccess.RequireAdministrator(query.Actor);
        var definitions = await db.Set<ProcessDefinitionRecord>().AsNoTracking()
            .Select(d => new { d.Id, d.Key, d.Version, d.Name, d.DeployedAt, d.DeployedBy })
            .ToListAsync(ct);
        var running = await db.Set<ProcessInstanceRecord>().AsNoTracking()
            .Where(i => i.Status == InstanceStatus.Running)
            .GroupBy(i => i.DefinitionId)
            .Select(g => new { DefinitionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.DefinitionId, g => g.Count, ct);
        var cases = await (
                from c in db.Set<ApprovalCase>().AsNoTracking()
                where c.Status == ApprovalCaseStatus.Running
                join p in db.Set<Project>().AsNoTracking() on c.ProjectId equals p.Id
                select new { c.Id, c.DefinitionKey, c.DefinitionVersion, c.Mode, c.StartedAt, p.Code, p.Name })
            .ToListAsync(ct);
        var casesByVersion = cases
            .GroupBy(c => (c.DefinitionKey, c.DefinitionVersion))
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.StartedAt)
                .Select(c => new VersionCaseResponse(c.Id, c.Code.Value, c.Name, c.Mode.Term(), c.StartedAt.AsUtc()))
                .ToList());
        var latest = definitions.GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.Max(d => d.Version));
        return definitions
            .OrderBy(d => d.Key, StringComparer.Ordinal).ThenByDescending(d => d.Version)
            .Select(d => new DefinitionVersionResponse(d.Id, d.Key, d.Version, d.Name, d.DeployedAt.AsUtc(), d.DeployedBy,
                latest[d.Key] == d.Version, running.GetValueOrDefault(d.Id),
                casesByVersion.TryGetValue((d.Key, d.Version), out var onVersion) ? onVersion : []))
            .ToList();
    }
}
