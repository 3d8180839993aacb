using ApprovalFlow.Engine;

namespace ApprovalFlow.Web.Features.Timers;

/// <summary>Fires the timers that fell due while the app was down, without waiting for the first recurring sweep.</summary>
public sealed class TimerStartupSweep(IServiceScopeFactory scopes, ILogger<TimerStartupSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var fired = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().FireDueTimersAsync(stoppingToken);
            logger.LogInformation("Start-up sweep fired {Count} overdue timer(s)", fired);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The recurring sweep retries within a minute; the app must still start.
            logger.LogError(ex, "Start-up timer sweep failed");
        }
    }
}
