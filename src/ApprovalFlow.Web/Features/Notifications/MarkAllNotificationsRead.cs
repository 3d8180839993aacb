using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Notifications;

public sealed record MarkedRead(int Marked);

/// <summary>Marks every unread message of the caller read.</summary>
public sealed record MarkAllNotificationsRead(Actor Actor) : ICommand<MarkedRead>, IAuditedCommand
{
    public string SubjectType => "inbox";

    public string? SubjectId => Actor.UserId;
}

public sealed class MarkAllNotificationsReadHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<MarkAllNotificationsRead, MarkedRead>
{
    public async ValueTask<MarkedRead> Handle(MarkAllNotificationsRead command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.Set<Notification>().Where(n => n.UserId == command.Actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return new MarkedRead(marked);
    }
}
