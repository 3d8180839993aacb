using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Notifications;

public sealed record UnreadCount(int Unread);

/// <summary>How many of the caller's messages are unread (the badge).</summary>
public sealed record CountUnread(Actor Actor) : IQuery<UnreadCount>;

public sealed class CountUnreadHandler(AppDbContext db) : IQueryHandler<CountUnread, UnreadCount>
{
    public async ValueTask<UnreadCount> Handle(CountUnread query, CancellationToken ct) =>
        new(await db.Set<Notification>().CountAsync(n => n.UserId == query.Actor.UserId && n.ReadAt == null, ct));
}
