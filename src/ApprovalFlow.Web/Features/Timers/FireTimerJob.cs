using ApprovalFlow.Engine;

namespace ApprovalFlow.Web.Features.Timers;

/// <summary>Fires one stored timer at its due time; scheduled by <see cref="HangfireTimerScheduler"/>.</summary>
public sealed class FireTimerJob(IServiceScopeFactory scopes, ILogger<FireTimerJob> logger)
{
    public async Task FireAsync(Guid timerId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        // False means the timer was already fired by the sweep or cancelled: nothing to retry.
        if (!await engine.FireTimerAsync(timerId, cancellationToken))
        {
            logger.LogDebug("Timer {TimerId} was no longer pending", timerId);
        }
    }
}
