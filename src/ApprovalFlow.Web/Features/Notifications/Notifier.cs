using ApprovalFlow.Web.Data;

namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>
/// Adds inbox notifications and their e-mail outbox rows to the caller's unit of work: they commit with whatever caused
/// them (a chase record) or not at all.
/// </summary>
public sealed class Notifier(AppDbContext db)
{
    public void Notify(IEnumerable<Recipient> recipients, string kind, NotificationText text, string? link, Guid? caseId, DateTime at)
    {
        var (inbox, email) = Compose(recipients, kind, text, link, caseId, at);
        db.AddRange(inbox);
        db.AddRange(email);
    }

    /// <summary>
    /// The rows <see cref="Notify"/> adds, not added to any unit of work: for a caller that inserts many at once (the
    /// chase sweep's batches) and so must commit them with its own work itself.
    /// </summary>
    public static (List<Notification> Inbox, List<OutboxMessage> Email) Compose(
        IEnumerable<Recipient> recipients, string kind, NotificationText text, string? link, Guid? caseId, DateTime at)
    {
        var inbox = new List<Notification>();
        var email = new List<OutboxMessage>();
        foreach (var recipient in recipients.DistinctBy(r => r.UserId))
        {
            inbox.Add(new Notification(recipient.UserId, kind, text, link, caseId, at));
            if (recipient.Email is { Length: > 0 } address)
            {
                var body = $"{text.Body}\n\n{text.BodyEn}" + (link is null ? "" : $"\n\n{link}");
                email.Add(new OutboxMessage(OutboxMessage.EmailChannel, address, Truncate(text.Title, 400), Truncate(body, 4000), at));
            }
        }
        return (inbox, email);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
