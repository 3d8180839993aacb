using ApprovalFlow.Web.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Reports;

/// <summary>The stored reports, newest period first (the files are not read).</summary>
public sealed record ListReports(string? Kind) : IQuery<ReportResponse[]>;

public sealed class ListReportsHandler(AppDbContext db) : IQueryHandler<ListReports, ReportResponse[]>
{
    public async ValueTask<ReportResponse[]> Handle(ListReports query, CancellationToken cancellationToken)
    {
        var reports = db.Set<Report>().AsNoTracking();
        if (ReportKinds.TryRead(query.Kind, out var kind)) reports = reports.Where(r => r.Kind == kind);
        var rows = await reports
            .OrderByDescending(r => r.PeriodFirst).ThenByDescending(r => r.GeneratedAt).Take(500)
            .Select(r => new { r.Id, r.Kind, r.PeriodFirst, r.PeriodLast, r.GeneratedAt, r.GeneratedBy, Csv = r.Csv.Length, Xlsx = r.Xlsx.Length })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ReportResponse(r.Id, r.Kind.Term(), r.Kind.Heading(), r.PeriodFirst, r.PeriodLast, r.GeneratedAt.AsUtc(),
            r.GeneratedBy, r.Csv, r.Xlsx, $"/api/reports/{r.Id}/download?format=csv", $"/api/reports/{r.Id}/download?format=xlsx"))];
    }
}
