namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>Where an outbox message stands.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending = 0,
    /// <summary>
    /// Claimed by one delivery run, which no other run claims again; if the run dies, the claim expires after
    /// <c>Notifications:SendingLeaseMinutes</c> and the message is pending again (at least once).
    /// </summary>
    Sending = 1,
    Sent = 2,
    /// <summary>Gave up after <c>Notifications:MaxAttempts</c> attempts.</summary>
    Failed = 3,
    /// <summary>No channel configured (no <c>Smtp:Host</c>) when it was due: dropped, not kept to flood users later.</summary>
    NoChannel = 4,
}

/// <summary>
/// A message for a channel other than the inbox (today e-mail), written in the same transaction as what caused it and
/// delivered by the <c>outbox-delivery</c> job with retries and backoff.
/// </summary>
public sealed class OutboxMessage
{
    public const string EmailChannel = "email";

    private OutboxMessage()
    {
    }

    public OutboxMessage(string channel, string recipient, string subject, string body, DateTime createdAt)
    {
        Id = Guid.NewGuid();
        Channel = channel;
        Recipient = recipient;
        Subject = subject;
        Body = body;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        Status = OutboxStatus.Pending;
    }

    public Guid Id { get; private set; }
    public string Channel { get; private set; } = "";
    public string Recipient { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? NextAttemptAt { get; private set; }
    public DateTime? ClaimedAt { get; private set; }
    public DateTime? SentAt { get; private set; }
    public string? LastError { get; private set; }
}
