using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Notifications;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Notifications;

/// <summary>E-mail through the outbox, against a real (tiny) SMTP server on a loopback port.</summary>
public abstract class OutboxDeliveryTests(WebAppFactory factory)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private static WebApplicationFactory<Program> Host(WebApplicationFactory<Program> factory, SettableClock clock, int? smtpPort) =>
        factory.WithWebHostBuilder(b =>
        {
            if (smtpPort is { } port)
            {
                b.UseSetting("Smtp:Host", "127.0.0.1");
                b.UseSetting("Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        });

    private static async Task<Guid> QueueAsync(WebApplicationFactory<Program> app, string email, DateTime at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        await notifier.NotifyAsync([new Recipient(Guid.NewGuid().ToString(), email)], "test", new NotificationText("【提醒】测试邮件", "正文", "Test mail", "Body"),
            "/api/cases/x", null, at, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.SaveChangesAsync();
        return await db.Set<OutboxMessage>().Where(m => m.Recipient == email).Select(m => m.Id).SingleAsync();
    }

    private static async Task<OutboxMessage> RowAsync(WebApplicationFactory<Program> app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task A_message_refused_once_is_retried_after_the_backoff_and_delivered_once()
    {
        await using var smtp = new SmtpTestServer { RefuseNextMail = 1 };
        var clock = new SettableClock(Start);
        await using var app = Host(factory, clock, smtp.Port);
        var email = $"officer-{Guid.NewGuid():N}@test.local";
        var id = await QueueAsync(app, email, clock.GetUtcNow().UtcDateTime);
        var delivery = app.Services.GetRequiredService<OutboxDelivery>();

        var first = await delivery.RunAsync(clock.GetUtcNow().UtcDateTime);
        var afterFailure = await RowAsync(app, id);
        first.Retrying.ShouldBeGreaterThanOrEqualTo(1);
        afterFailure.Status.ShouldBe(OutboxStatus.Pending);
        afterFailure.Attempts.ShouldBe(1);
        afterFailure.LastError.ShouldNotBeNullOrWhiteSpace();
        afterFailure.NextAttemptAt!.Value.ShouldBe(clock.GetUtcNow().UtcDateTime.AddSeconds(60), TimeSpan.FromSeconds(1));
        smtp.Messages.ShouldNotContain(m => m.StartsWith(email));

        await delivery.RunAsync(clock.GetUtcNow().AddSeconds(30).UtcDateTime);
        (await RowAsync(app, id)).Attempts.ShouldBe(1, "not due again before the backoff");

        clock.Now = Start.AddSeconds(61);
        await delivery.RunAsync(clock.GetUtcNow().UtcDateTime);
        await delivery.RunAsync(clock.GetUtcNow().AddMinutes(10).UtcDateTime);

        var sent = await RowAsync(app, id);
        sent.Status.ShouldBe(OutboxStatus.Sent);
        sent.Attempts.ShouldBe(2);
        sent.SentAt.ShouldNotBeNull();
        smtp.Messages.Count(m => m.StartsWith(email)).ShouldBe(1);
    }

    [Fact]
    public async Task Deliveries_running_at_the_same_time_send_a_message_once()
    {
        await using var smtp = new SmtpTestServer();
        var clock = new SettableClock(Start);
        await using var first = Host(factory, clock, smtp.Port);
        await using var second = Host(factory, clock, smtp.Port);
        var emails = Enumerable.Range(0, 5).Select(i => $"leader-{i}-{Guid.NewGuid():N}@test.local").ToList();
        foreach (var email in emails) await QueueAsync(first, email, clock.GetUtcNow().UtcDateTime);

        var now = clock.GetUtcNow().UtcDateTime;
        await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[]
        {
            first.Services.GetRequiredService<OutboxDelivery>().RunAsync(now),
            second.Services.GetRequiredService<OutboxDelivery>().RunAsync(now),
        }));

        foreach (var email in emails) smtp.Messages.Count(m => m.StartsWith(email)).ShouldBe(1, email);
    }

    [Fact]
    public async Task A_message_left_sending_by_a_crash_is_sent_again_once_its_lease_expired()
    {
        await using var smtp = new SmtpTestServer();
        var clock = new SettableClock(Start);
        await using var app = Host(factory, clock, smtp.Port);
        var now = clock.GetUtcNow().UtcDateTime;
        var crashed = $"crashed-{Guid.NewGuid():N}@test.local";
        var inFlight = $"in-flight-{Guid.NewGuid():N}@test.local";
        var exhausted = $"exhausted-{Guid.NewGuid():N}@test.local";
        var crashedId = await QueueAsync(app, crashed, now);
        var inFlightId = await QueueAsync(app, inFlight, now);
        var exhaustedId = await QueueAsync(app, exhausted, now);
        // What a server killed between claiming and marking leaves behind: claimed 11 and 5 minutes ago (lease 10).
        await ClaimAsync(app, crashedId, now.AddMinutes(-11), attempts: 1);
        await ClaimAsync(app, inFlightId, now.AddMinutes(-5), attempts: 1);
        await ClaimAsync(app, exhaustedId, now.AddMinutes(-30), attempts: 5);

        await app.Services.GetRequiredService<OutboxDelivery>().RunAsync(now);
        await app.Services.GetRequiredService<OutboxDelivery>().RunAsync(now.AddSeconds(1));

        var resent = await RowAsync(app, crashedId);
        resent.Status.ShouldBe(OutboxStatus.Sent);
        resent.Attempts.ShouldBe(2);
        smtp.Messages.Count(m => m.StartsWith(crashed)).ShouldBe(1);
        var stillClaimed = await RowAsync(app, inFlightId);
        stillClaimed.Status.ShouldBe(OutboxStatus.Sending, "its lease runs for five more minutes");
        smtp.Messages.ShouldNotContain(m => m.StartsWith(inFlight));
        var givenUp = await RowAsync(app, exhaustedId);
        givenUp.Status.ShouldBe(OutboxStatus.Failed);
        givenUp.LastError!.ShouldContain("lease expired");
        smtp.Messages.ShouldNotContain(m => m.StartsWith(exhausted));

        await app.Services.GetRequiredService<OutboxDelivery>().RunAsync(now.AddMinutes(6));
        (await RowAsync(app, inFlightId)).Status.ShouldBe(OutboxStatus.Sent);
        smtp.Messages.Count(m => m.StartsWith(inFlight)).ShouldBe(1);
    }

    private static async Task ClaimAsync(WebApplicationFactory<Program> app, Guid id, DateTime claimedAt, int attempts)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.ClaimedAt, claimedAt)
                .SetProperty(m => m.Attempts, attempts));
    }

    [Fact]
    public async Task Without_an_SMTP_host_due_messages_are_marked_no_channel_and_never_sent()
    {
        var clock = new SettableClock(Start);
        await using var app = Host(factory, clock, smtpPort: null);
        var id = await QueueAsync(app, $"nobody-{Guid.NewGuid():N}@test.local", clock.GetUtcNow().UtcDateTime);

        await app.Services.GetRequiredService<OutboxDelivery>().RunAsync(clock.GetUtcNow().UtcDateTime);

        var row = await RowAsync(app, id);
        row.Status.ShouldBe(OutboxStatus.NoChannel);
        row.LastError.ShouldBe(OutboxDelivery.NoChannelError);
        row.Attempts.ShouldBe(0);
    }
}

public sealed class SqliteOutboxDeliveryTests(WebAppFactory factory) : OutboxDeliveryTests(factory), IClassFixture<WebAppFactory>;

public sealed class PostgresOutboxDeliveryTests(PostgresWebAppFactory factory) : OutboxDeliveryTests(factory), IClassFixture<PostgresWebAppFactory>;
