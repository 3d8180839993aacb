using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>Marks one of the caller's messages read; another user's message reads as missing.</summary>
public sealed record MarkNotificationRead(Actor Actor, Guid Id) : ICommand<NotificationResponse>, IAuditedCommand
{
    public string SubjectType => "notification";

    public string? SubjectId => Id.ToString();
}

public sealed class MarkNotificationReadHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<MarkNotificationRead, NotificationResponse>
{
    public async ValueTask<NotificationResponse> Handle(MarkNotificationRead command, CancellationToken ct)
    {
        var notification = await db.Set<Notification>().SingleOrDefaultAsync(n => n.Id == command.Id && n.UserId == command.Actor.UserId, ct)
            ?? throw RefusedException.NotFound(L.T("您的消息中没有这条消息。", $"No message {command.Id} in your inbox."));
        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return NotificationResponse.From(notification);
    }
}
