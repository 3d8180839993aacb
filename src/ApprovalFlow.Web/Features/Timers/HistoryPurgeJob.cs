using ApprovalFlow.Engine;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Timers;

/// <summary>
/// Daily: removes cases that ended longer ago than <c>Engine:HistoryRetentionDays</c>, with their history.
/// Without that setting nothing is ever removed.
/// </summary>
public sealed class HistoryPurgeJob(IServiceScopeFactory scopes, IOptions<EngineOptions> options, ILogger<HistoryPurgeJob> logger)
{
    public const string Id = "history-purge";

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        if (options.Value.HistoryRetention is not { } retention) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        var total = 0;
        int removed;
        do
        {
            removed = await engine.PurgeEndedInstancesAsync(retention, ct: cancellationToken);
            total += removed;
        }
        while (removed > 0);
        if (total > 0) logger.LogInformation("History purge removed {Count} case(s) ended more than {Days} days ago", total, retention.TotalDays);
        return total;
    }
}
