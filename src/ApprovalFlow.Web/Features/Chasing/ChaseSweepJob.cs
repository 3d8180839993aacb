using Hangfire;

namespace ApprovalFlow.Web.Features.Chasing;

/// <summary>The recurring Hangfire job <c>chase-sweep</c> (cron <c>Chasing:SweepCron</c>): fires the rungs now due.</summary>
public sealed class ChaseSweepJob(ChaseSweep sweep, TimeProvider clock)
{
    public const string Id = "chase-sweep";

    // A failed sweep is not retried: the next run finds the same work still due.
    [AutomaticRetry(Attempts = 0)]
    public Task SweepAsync(CancellationToken cancellationToken) =>
        sweep.RunAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
}
