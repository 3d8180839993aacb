using ApprovalFlow.Web.Jobs;
using ApprovalFlow.Web.Ui.Shell;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ApprovalFlow.Web.Features.Health;

/// <summary>
/// This process's Hangfire server (named by <see cref="HangfireServerIdentity"/>) is registered in the job storage and its
/// last heartbeat is recent. Hangfire beats every 30 seconds, so a minute of silence means the server is gone or stuck.
/// </summary>
public sealed class HangfireServerHealthCheck(JobStorage storage, HangfireServerIdentity identity, ILogger<HangfireServerHealthCheck> logger) : IHealthCheck
{
    public static readonly TimeSpan HeartbeatLimit = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var prefix = identity.ServerName.ToLowerInvariant() + ":";
            var ours = storage.GetMonitoringApi().Servers()
                .Where(s => s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .ToList();
            // Heartbeats are wall-clock times, whatever clock the domain is given (tests set theirs).
            var now = DateTime.UtcNow;
            var alive = ours.Any(s => s.Heartbeat is { } beat && now - DateTime.SpecifyKind(beat, DateTimeKind.Utc) < HeartbeatLimit);
            return Task.FromResult(alive
                ? HealthCheckResult.Healthy(L.T("后台任务服务运行中。", "The background job server is running."))
                : HealthCheckResult.Unhealthy(ours.Count == 0
                    ? L.T("后台任务服务尚未启动。", "The background job server has not started.")
                    : L.T("后台任务服务心跳超时。", "The background job server's heartbeat is late.")));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The Hangfire health check could not read the job storage");
            return Task.FromResult(HealthCheckResult.Unhealthy(L.T("无法读取后台任务存储。", "The job storage could not be read.")));
        }
    }
}
