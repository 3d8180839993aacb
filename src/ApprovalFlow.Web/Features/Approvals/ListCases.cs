using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

public sealed record CaseSummary(
    Guid Id, Guid ProjectId, string ProjectCode, string ProjectName, string Mode, string Status, DateTime StartedAt, DateTime? EndedAt,
    IReadOnlyList<StepSummary> Steps);

public sealed record StepSummary(Guid Id, string StepCode, string Department, string Status, DateTime? DueAt, bool Paused);

/// <summary>The cases the caller may see, newest first, by project and status, one page at a time (pages from 1).</summary>
public sealed record ListCases(Actor Actor, Guid? ProjectId, string? Status, int Page = 1, int PageSize = ListCases.DefaultPageSize)
    : IQuery<CaseSummary[]>
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;
}

public sealed class ListCasesHandler(AppDbContext db, WorkflowEngine engine) : IQueryHandler<ListCases, CaseSummary[]>
{
    public async ValueTask<CaseSummary[]> Handle(ListCases query, CancellationToken ct)
    {
        if (query.Page < 1) throw RefusedException.Invalid("page", L.T("页码从 1 开始。", "Pages are numbered from 1."));
        if (query.PageSize is < 1 or > ListCases.MaxPageSize)
            throw RefusedException.Invalid("pageSize", L.T($"每页可显示 1 至 {ListCases.MaxPageSize} 件案件。", $"A page holds 1 to {ListCases.MaxPageSize} cases."));
        var cases = await db.CasesVisibleToAsync(engine, query.Actor, ct);
        if (query.Status is not null)
        {
            if (!StepStatuses.TryReadCaseStatus(query.Status, out var status))
                throw RefusedException.Invalid("status", L.T("状态须为以下之一：running（办理中）、completed（已办结）、terminated（已终止）。", "The status must be one of running, completed, terminated."));
            cases = cases.Where(c => c.Status == status);
        }
        if (query.ProjectId is { } projectId) cases = cases.Where(c => c.ProjectId == projectId);
        var rows = await cases.OrderByDescending(c => c.StartedAt).ThenBy(c => c.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Include(c => c.Steps).AsNoTracking().AsSplitQuery().ToListAsync(ct);
        var projectIds = rows.Select(c => c.ProjectId).Distinct().ToList();
        var projects = await db.Set<Project>().AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return rows.Select(c => new CaseSummary(
                c.Id, c.ProjectId, projects[c.ProjectId].Code.Value, projects[c.ProjectId].Name, c.Mode.Term(), c.Status.Term(),
                c.StartedAt.AsUtc(), c.EndedAt.AsUtc(),
                c.Steps.Select(s => new StepSummary(s.Id, s.StepCode, s.Department, s.Status.Term(), s.DueAt.AsUtc(), s.ClockPausedAt is not null))
                    .ToList()))
            .ToArray();
    }
}
