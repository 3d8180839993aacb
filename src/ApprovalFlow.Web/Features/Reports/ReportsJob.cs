using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Calendar;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Reports;

/// <summary>
/// The recurring Hangfire job <c>reports-generate</c>: after each ten-day period, month and quarter has ended, stores
/// its report once. Runs daily; a period already reported by the job is skipped, so a rerun or a second server adds
/// nothing (at worst, two servers racing on the same minute both write one; the list shows both).
/// </summary>
public sealed class ReportsJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReportsJob> logger)
{
    public const string Id = "reports-generate";

    public const string By = "reports-generate (job)";

    public async Task GenerateAsync(CancellationToken cancellationToken)
    {
        var today = ChinaStandardTime.DateOf(clock.GetUtcNow().UtcDateTime);
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            var period = ReportPeriods.LastEnded(kind, today);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await db.Set<Report>().AnyAsync(r => r.Kind == kind && r.PeriodFirst == period.First && r.GeneratedBy == By, cancellationToken))
                continue;
            var report = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new GenerateReport(By, kind.Term(), period.Last.ToString("yyyy-MM-dd")), cancellationToken);
            logger.LogInformation("Generated the {Kind} report of {First}..{Last}", report.Kind, report.PeriodFirst, report.PeriodLast);
        }
    }
}
