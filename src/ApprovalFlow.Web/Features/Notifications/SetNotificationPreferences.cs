using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Notifications;

public sealed record NotificationChoiceRequest(string Kind, bool InApp, bool Email);

/// <summary>The caller chooses, per kind of message, whether it reaches their inbox (站内消息) and their e-mail.</summary>
public sealed record SetNotificationPreferences(Actor Actor, IReadOnlyList<NotificationChoiceRequest> Choices)
    : ICommand<IReadOnlyList<NotificationChoice>>, IAuditedCommand
{
    public string SubjectType => "inbox";

    public string? SubjectId => Actor.UserId;
}

public sealed class SetNotificationPreferencesHandler(AppDbContext db, ISender sender)
    : ICommandHandler<SetNotificationPreferences, IReadOnlyList<NotificationChoice>>
{
    public async ValueTask<IReadOnlyList<NotificationChoice>> Handle(SetNotificationPreferences command, CancellationToken ct)
    {
        var unknown = (command.Choices ?? []).Where(c => !NotificationKinds.IsChoosable(c.Kind ?? "")).Select(c => c.Kind).ToList();
        if (unknown.Count > 0 || command.Choices is null)
            throw RefusedException.Invalid("choices", L.T(
                $"没有这种消息：{string.Join("、", unknown)}。督办提醒不能关闭。",
                $"No such kind of message: {string.Join(", ", unknown)}. Chase reminders cannot be switched off."));
        var stored = await db.Set<NotificationPreference>().Where(p => p.UserId == command.Actor.UserId).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var choice in command.Choices.DistinctBy(c => c.Kind))
        {
            if (stored.TryGetValue(choice.Kind, out var row)) row.Set(choice.InApp, choice.Email);
            else db.Add(new NotificationPreference(command.Actor.UserId, choice.Kind, choice.InApp, choice.Email));
        }
        await db.SaveChangesAsync(ct);
        return await sender.Send(new GetNotificationPreferences(command.Actor), ct);
    }
}
