namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>Configuration section <c>Notifications</c>: how the outbox is delivered.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Cron of the recurring <c>outbox-delivery</c> job (default every minute).</summary>
    public string DeliveryCron { get; set; } = "* * * * *";

    /// <summary>Attempts before a message is given up as failed (default 5).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait after the first failed attempt (default 60 s); it doubles with each further failure, up to an hour.</summary>
    public int RetryBaseSeconds { get; set; } = 60;

    /// <summary>
    /// How long a message may stay claimed (<c>sending</c>) before a run takes it back as pending (default 10 minutes): a
    /// server that died between claiming and marking a message leaves it claimed, and it is sent again after the lease.
    /// Keep it well above the longest SMTP exchange, or a slow send still under way may be doubled.
    /// </summary>
    public int SendingLeaseMinutes { get; set; } = 10;

    /// <summary>Messages claimed per run (default 100).</summary>
    public int BatchSize { get; set; } = 100;

    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, Math.Max(1, RetryBaseSeconds) * Math.Pow(2, Math.Max(0, attempts - 1))));
}
