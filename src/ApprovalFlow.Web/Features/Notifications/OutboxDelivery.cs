using System.Net.Mail;
using System.Net.Sockets;
using ApprovalFlow.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Notifications;

public sealed record OutboxDeliveryResult(int Sent, int Retrying, int Failed, int NoChannel);

/// <summary>
/// Delivers the outbox messages due. Each message is claimed with a conditional update (pending → sending) before it is
/// sent, so two runs or two servers never both send it; it is marked sent right after the SMTP server accepted it. A
/// failed attempt returns it to pending with a doubling wait, up to <see cref="NotificationOptions.MaxAttempts"/>. A run
/// that dies between claiming and marking (a crash, a kill) leaves the row in <c>sending</c>; once its claim is older than
/// <see cref="NotificationOptions.SendingLeaseMinutes"/>, a later run (on any server) returns it to pending, or gives it up
/// as failed when its attempts are used up. Delivery is therefore at least once: a message the SMTP server accepted just
/// before the crash is sent again.
/// Without <c>Smtp:Host</c> the messages due are marked <c>no-channel</c>: configuring SMTP later does not send stale reminders.
/// </summary>
public sealed class OutboxDelivery(IServiceScopeFactory scopes, SmtpMailer mailer, IOptions<NotificationOptions> options, ILogger<OutboxDelivery> logger)
{
    public const string NoChannelError = "no channel configured (Smtp:Host is not set)";

    public async Task<OutboxDeliveryResult> RunAsync(DateTime now, CancellationToken ct = default)
    {
        now = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = db.Set<OutboxMessage>();
        await ReclaimExpiredAsync(outbox, now, o, ct);
        var due = await outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(Math.Max(1, o.BatchSize)).ToListAsync(ct);
        if (due.Count == 0) return new OutboxDeliveryResult(0, 0, 0, 0);

        if (!mailer.IsConfigured)
        {
            var dropped = await outbox.Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.NoChannel).SetProperty(m => m.LastError, NoChannelError), ct);
            return new OutboxDeliveryResult(0, 0, 0, dropped);
        }

        int sent = 0, retrying = 0, failed = 0;
        foreach (var id in due)
        {
            var claimed = await outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending)
                    .SetProperty(m => m.ClaimedAt, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (claimed == 0) continue;
            var message = await outbox.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            try
            {
                await mailer.SendAsync(message, ct);
            }
            catch (Exception exception) when (exception is SmtpException or IOException or SocketException or InvalidOperationException)
            {
                var giveUp = message.Attempts >= Math.Max(1, o.MaxAttempts);
                var error = exception.Message.Length > 2000 ? exception.Message[..2000] : exception.Message;
                var next = now + o.Backoff(message.Attempts);
                await outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Sending)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, giveUp ? OutboxStatus.Failed : OutboxStatus.Pending)
                        .SetProperty(m => m.NextAttemptAt, giveUp ? null : next)
                        .SetProperty(m => m.LastError, error), ct);
                logger.LogWarning(exception, "Outbox message {Id} to {Recipient}: attempt {Attempt} failed{GiveUp}", id, message.Recipient,
                    message.Attempts, giveUp ? "; given up" : "");
                if (giveUp) failed++; else retrying++;
                continue;
            }
            await outbox.Where(m => m.Id == id && m.Status == OutboxStatus.Sending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.LastError, (string?)null), ct);
            sent++;
        }
        return new OutboxDeliveryResult(sent, retrying, failed, 0);
    }

    /// <summary>Claims older than the lease: their run died (or hangs); the message is due again, or failed when out of attempts.</summary>
    private async Task ReclaimExpiredAsync(DbSet<OutboxMessage> outbox, DateTime now, NotificationOptions o, CancellationToken ct)
    {
        var expiredBefore = now - TimeSpan.FromMinutes(Math.Max(1, o.SendingLeaseMinutes));
        var maxAttempts = Math.Max(1, o.MaxAttempts);
        const string LeaseExpired = "the delivery run that claimed it ended without marking it (lease expired)";
        var given = await outbox.Where(m => m.Status == OutboxStatus.Sending && m.ClaimedAt < expiredBefore && m.Attempts >= maxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed)
                .SetProperty(m => m.NextAttemptAt, (DateTime?)null)
                .SetProperty(m => m.LastError, LeaseExpired), ct);
        var retried = await outbox.Where(m => m.Status == OutboxStatus.Sending && m.ClaimedAt < expiredBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LastError, LeaseExpired), ct);
        if (given + retried > 0)
        {
            logger.LogWarning("Outbox: {Retried} message(s) claimed more than {Lease} min ago returned to pending, {Given} given up as failed",
                retried, o.SendingLeaseMinutes, given);
        }
    }
}
