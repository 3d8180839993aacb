using ApprovalFlow.Engine;

namespace ApprovalFlow.Web.Features.Timers;

/// <summary>Recurring safety net: fires every due timer whose scheduled job was lost or ran early.</summary>
public sealed class TimerSweepJob(IServiceScopeFactory scopes, ILogger<TimerSweepJob> logger)
{
    public const string Id = "timer-sweep";

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var fired = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().FireDueTimersAsync(cancellationToken);
        if (fired > 0)
        {
            logger.LogInformation("Timer sweep fired {Count} due timer(s)", fired);
        }
    }
}
