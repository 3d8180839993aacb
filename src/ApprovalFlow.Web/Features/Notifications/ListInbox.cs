using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>The caller's own inbox, newest first; with <c>unreadFirst</c> the unread messages come before the read ones.</summary>
public sealed record ListInbox(Actor Actor, int? Page, int? PageSize, bool UnreadFirst) : IQuery<InboxPage>;

public sealed class ListInboxHandler(AppDbContext db) : IQueryHandler<ListInbox, InboxPage>
{
    public const int MaxPageSize = 100;

    public async ValueTask<InboxPage> Handle(ListInbox query, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (query.Page is < 1) errors["page"] = [L.T("页码从 1 开始。", "The page starts at 1.")];
        if (query.PageSize is < 1 or > MaxPageSize) errors["pageSize"] = [L.T($"每页条数须在 1 至 {MaxPageSize} 之间。", $"The page size is between 1 and {MaxPageSize}.")];
        if (errors.Count > 0) throw RefusedException.Invalid(errors);
        var page = query.Page ?? 1;
        var size = query.PageSize ?? 20;

        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == query.Actor.UserId);
        var ordered = query.UnreadFirst
            ? mine.OrderBy(n => n.ReadAt == null ? 0 : 1).ThenByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
            : mine.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id);
        var items = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var total = await mine.CountAsync(ct);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        return new InboxPage(items.Select(NotificationResponse.From).ToList(), page, size, total, unread);
    }
}
