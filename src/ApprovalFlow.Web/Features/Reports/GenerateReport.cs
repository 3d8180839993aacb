using System.Globalization;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Reports;

public sealed record ReportResponse(
    Guid Id, string Kind, string Heading, DateOnly PeriodFirst, DateOnly PeriodLast, DateTime GeneratedAt, string GeneratedBy, int CsvBytes,
    int XlsxBytes, string CsvLink, string XlsxLink)
{
    public static ReportResponse From(Report r) =>
        new(r.Id, r.Kind.Term(), r.Kind.Heading(), r.PeriodFirst, r.PeriodLast, r.GeneratedAt.AsUtc(), r.GeneratedBy, r.Csv.Length, r.Xlsx.Length,
            $"/api/reports/{r.Id}/download?format=csv", $"/api/reports/{r.Id}/download?format=xlsx");
}

/// <summary>
/// Generates the report of the ten-day period, month or quarter containing <see cref="Day"/> (default: today, so far)
/// and stores it (POST /api/reports, and the recurring job <c>reports-generate</c> for the periods just ended).
/// </summary>
public sealed record GenerateReport(string By, string? Kind, string? Day) : ICommand<ReportResponse>, IAuditedCommand
{
    public string SubjectType => "report";

    public string? SubjectId => null;
}

public sealed class GenerateReportHandler(AppDbContext db, ReportBuilder builder, TimeProvider clock) : ICommandHandler<GenerateReport, ReportResponse>
{
    public async ValueTask<ReportResponse> Handle(GenerateReport command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaStandardTime.DateOf(now);
        var errors = new Dictionary<string, string[]>();
        if (!ReportKinds.TryRead(command.Kind ?? "month", out var kind)) errors["kind"] = [L.T("报表类型须为以下之一：ten-day（旬报）、month（月报）、quarter（季报）。", "The kind must be one of ten-day, month, quarter.")];
        var day = today;
        if (!string.IsNullOrWhiteSpace(command.Day)
            && !DateOnly.TryParseExact(command.Day.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            errors["day"] = [L.T("日期格式须为 yyyy-MM-dd。", "The day must read yyyy-MM-dd.")];
        else if (day > today) errors["day"] = [L.T("报表只能统计已经开始的期间。", "A report covers a period that has begun.")];
        if (errors.Count > 0) throw RefusedException.Invalid(errors);

        var period = ReportPeriods.Containing(kind, day);
        var content = await builder.BuildAsync(kind, period, now, cancellationToken);
        var report = new Report
        {
            Id = Guid.NewGuid(), Kind = kind, PeriodFirst = period.First, PeriodLast = period.Last, GeneratedAt = now, GeneratedBy = command.By,
            Csv = ReportFiles.Csv(content), Xlsx = ReportFiles.Xlsx(content),
        };
        db.Add(report);
        return ReportResponse.From(report);
    }
}
