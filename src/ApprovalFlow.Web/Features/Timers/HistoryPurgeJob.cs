using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Timers;

/// <summary>
/// Daily: removes cases that ended longer ago than <c>Engine:HistoryRetentionDays</c>, with their history.
/// Without that setting nothing is ever removed. Approval cases are legal records (审批档案): their instances, history
/// and attachments are never purged, whatever their age.
/// </summary>
public sealed class HistoryPurgeJob(IServiceScopeFactory scopes, IOptions<EngineOptions> options, ILogger<HistoryPurgeJob> logger)
{
    public const string Id = "history-purge";

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        if (options.Value.HistoryRetention is not { } retention) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        var approvalInstances = scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ApprovalCase>().Select(c => c.InstanceId);
        var total = 0;
        int removed;
        do
        {
            removed = await engine.PurgeEndedInstancesAsync(retention, ct: cancellationToken, held: approvalInstances);
            total += removed;
        }
        while (removed > 0);
        if (total > 0) logger.LogInformation("History purge removed {Count} case(s) ended more than {Days} days ago", total, retention.TotalDays);
        return total;
    }
}
