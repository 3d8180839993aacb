using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Ui.Shell;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ApprovalFlow.Web.Features.Health;

/// <summary>Ready only when the database holds every migration this build knows (a half-migrated database is not ready).</summary>
public sealed class MigrationsHealthCheck(AppDbContext db, ILogger<MigrationsHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy(L.T("数据库结构已是最新。", "Every migration is applied."))
                : HealthCheckResult.Unhealthy(L.T($"有 {pending.Count} 个数据库迁移尚未执行。", $"{pending.Count} migration(s) are not applied."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The migrations health check could not read the applied migrations");
            return HealthCheckResult.Unhealthy(L.T("无法读取数据库迁移记录。", "The applied migrations could not be read."));
        }
    }
}
