using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Reports;

public sealed record ReportFile(string FileName, string ContentType, byte[] Content);

/// <summary>One stored report's file, as CSV or as the workbook.</summary>
public sealed record DownloadReport(Guid Id, string? Format) : IQuery<ReportFile>;

public sealed class DownloadReportHandler(AppDbContext db) : IQueryHandler<DownloadReport, ReportFile>
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async ValueTask<ReportFile> Handle(DownloadReport query, CancellationToken cancellationToken)
    {
        var format = (query.Format ?? "xlsx").Trim().ToLowerInvariant();
        if (format is not ("csv" or "xlsx")) throw RefusedException.Invalid("format", L.T("格式须为 csv 或 xlsx。", "The format must be csv or xlsx."));
        var report = await db.Set<Report>().AsNoTracking()
            .Where(r => r.Id == query.Id)
            .Select(r => new { r.Kind, r.PeriodFirst, r.PeriodLast, Content = format == "csv" ? r.Csv : r.Xlsx })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw RefusedException.NotFound(L.T("该报表不存在。", $"Report {query.Id} does not exist."));
        var name = $"supervision-{report.Kind.Term()}-{report.PeriodFirst:yyyyMMdd}-{report.PeriodLast:yyyyMMdd}.{format}";
        return new ReportFile(name, format == "csv" ? "text/csv; charset=utf-8" : XlsxType, report.Content);
    }
}
