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
        foreach (var recipient in recipients.DistinctBy(r => r.UserId))
        {
            db.Add(new Notification(recipient.UserId, kind, text, link, caseId, at));
            if (recipient.Email is { Length: > 0 } email)
            {
                var body = $"{text.Body}\n\n{text.BodyEn}" + (link is null ? "" : $"\n\n{link}");
                db.Add(new OutboxMessage(OutboxMessage.EmailChannel, email, Truncate(text.Title, 400), Truncate(body, 4000), at));
            }
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
