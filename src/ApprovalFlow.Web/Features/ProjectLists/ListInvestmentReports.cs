using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.ProjectLists;

/// <summary>The investment reports of the projects the caller may see, optionally of one project or one year, newest first.</summary>
public sealed record ListInvestmentReports(Actor Actor, Guid? ProjectId, int? Year) : IQuery<InvestmentReportResponse[]>;

public sealed class ListInvestmentReportsHandler(AppDbContext db) : IQueryHandler<ListInvestmentReports, InvestmentReportResponse[]>
{
    public async ValueTask<InvestmentReportResponse[]> Handle(ListInvestmentReports query, CancellationToken cancellationToken)
    {
        var projects = (await db.ProjectsVisibleToAsync(query.Actor, cancellationToken)).Select(p => p.Id);
        var reports = db.Set<InvestmentReport>().AsNoTracking().Where(r => projects.Contains(r.ProjectId));
        if (query.ProjectId is { } projectId) reports = reports.Where(r => r.ProjectId == projectId);
        if (query.Year is { } year) reports = reports.Where(r => r.Year == year);
        var rows = await reports.OrderByDescending(r => r.Year).ThenByDescending(r => r.Month).ThenBy(r => r.ProjectId).Take(5000)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(InvestmentReportResponse.From)];
    }
}
