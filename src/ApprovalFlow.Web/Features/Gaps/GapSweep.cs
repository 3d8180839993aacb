using Mediator;

namespace ApprovalFlow.Web.Features.Gaps;

/// <summary>Runs the supplement-deadline sweep in a scope of its own; the recurring job and tests call it.</summary>
public sealed class GapSweep(IServiceScopeFactory scopes)
{
    public async Task<GapSweepResult> RunAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SweepToleratedGaps(now), cancellationToken);
    }
}
