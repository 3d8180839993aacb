using ApprovalFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>
/// Adds inbox notifications and their e-mail outbox rows to the caller's unit of work: they commit with whatever caused
/// them (a step's move, a chase record) or not at all. Each recipient's choices for the kind (站内消息, 邮件) are honoured.
/// </summary>
public sealed class Notifier(AppDbContext db)
{
    public async Task NotifyAsync(IEnumerable<Recipient> recipients, string kind, NotificationText text, string? link, Guid? caseId,
        DateTime at, CancellationToken ct)
    {
        var to = recipients.DistinctBy(r => r.UserId).ToList();
        if (to.Count == 0) return;
        var ids = to.Select(r => r.UserId).ToList();
        var choices = await db.Set<NotificationPreference>().AsNoTracking()
            .Where(p => p.Kind == kind && ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        var (inbox, email) = Compose(to, kind, text, link, caseId, at,
            userId => choices.TryGetValue(userId, out var choice) ? (choice.InApp, choice.Email) : (true, true));
        db.AddRange(inbox);
        db.AddRange(email);
    }

    /// <summary>
    /// The rows <see cref="NotifyAsync"/> adds, not added to any unit of work: for a caller that inserts many at once (the
    /// chase sweep's batches, whose official reminders cannot be switched off) and so must commit them itself.
    /// </summary>
    public static (List<Notification> Inbox, List<OutboxMessage> Email) Compose(
        IEnumerable<Recipient> recipients, string kind, NotificationText text, string? link, Guid? caseId, DateTime at,
        Func<string, (bool InApp, bool Email)>? choose = null)
    {
        var inbox = new List<Notification>();
        var email = new List<OutboxMessage>();
        foreach (var recipient in recipients.DistinctBy(r => r.UserId))
        {
            var (toInbox, toEmail) = choose?.Invoke(recipient.UserId) ?? (true, true);
            if (toInbox) inbox.Add(new Notification(recipient.UserId, kind, text, link, caseId, at));
            if (toEmail && recipient.Email is { Length: > 0 } address)
            {
                var body = $"{text.Body}\n\n{text.BodyEn}" + (link is null ? "" : $"\n\n{link}");
                email.Add(new OutboxMessage(OutboxMessage.EmailChannel, address, Truncate(text.Title, 400), Truncate(body, 4000), at));
            }
        }
        return (inbox, email);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
