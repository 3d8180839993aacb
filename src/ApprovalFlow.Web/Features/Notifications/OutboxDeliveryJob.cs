using Hangfire;

namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>The recurring Hangfire job <c>outbox-delivery</c> (cron <c>Notifications:DeliveryCron</c>).</summary>
public sealed class OutboxDeliveryJob(OutboxDelivery delivery, TimeProvider clock)
{
    public const string Id = "outbox-delivery";

    // Retries are the outbox's own (per message, with backoff); a failed run is simply the next run's work.
    [AutomaticRetry(Attempts = 0)]
    public Task DeliverAsync(CancellationToken cancellationToken) =>
        delivery.RunAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
}
