namespace ApprovalFlow.Web.Features.Gaps;

/// <summary>The recurring Hangfire job <c>gap-sweep</c>: applies the supplement deadlines every five minutes.</summary>
public sealed class GapSweepJob(GapSweep sweep, TimeProvider clock, ILogger<GapSweepJob> logger)
{
    public const string Id = "gap-sweep";

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var result = await sweep.RunAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (result.Suspended + result.Returned > 0)
        {
            logger.LogInformation("Gap sweep: {Suspended} gap(s) overdue, {Returned} returned", result.Suspended, result.Returned);
        }
    }
}
