using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Ui.Shell;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ApprovalFlow.Web.Features.Health;

/// <summary>
/// <c>/health/live</c>: the process serves (no check runs). <c>/health/ready</c>: the database answers, every migration is
/// applied and, with Hangfire on, this process's Hangfire server beats. Both anonymous; the body names each check and its
/// status with a fixed description, never an exception message or a connection string.
/// </summary>
public static class HealthRegistration
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddAppHealthChecks(this IServiceCollection services, bool hangfireEnabled)
    {
        var checks = services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", HealthStatus.Unhealthy, [ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", HealthStatus.Unhealthy, [ReadyTag], CheckTimeout);
        if (hangfireEnabled)
        {
            checks.AddCheck<HangfireServerHealthCheck>("hangfire", HealthStatus.Unhealthy, [ReadyTag], CheckTimeout);
        }
        return services;
    }

    public static IEndpointRouteBuilder MapAppHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        return app;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Chinese descriptions as they are, not as \u escapes (the body is JSON, never embedded in HTML).
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Status and per-check status with the check's own fixed description; exceptions stay in the log.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                // A check that threw carries the exception's message as its description, which may name a host or a database.
                description = e.Value.Exception is null ? e.Value.Description : L.T("检查出错，详见服务器日志。", "The check failed; see the server log."),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
