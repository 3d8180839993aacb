using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>One kind of message and how the caller gets it; <c>name</c> and <c>audience</c> in the UI language.</summary>
public sealed record NotificationChoice(string Kind, string Name, string Audience, bool InApp, bool Email);

/// <summary>The caller's choices for every kind of message they can switch on or off (no row: both on).</summary>
public sealed record GetNotificationPreferences(Actor Actor) : IQuery<IReadOnlyList<NotificationChoice>>;

public sealed class GetNotificationPreferencesHandler(AppDbContext db) : IQueryHandler<GetNotificationPreferences, IReadOnlyList<NotificationChoice>>
{
    public async ValueTask<IReadOnlyList<NotificationChoice>> Handle(GetNotificationPreferences query, CancellationToken ct)
    {
        var stored = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.UserId == query.Actor.UserId)
            .ToDictionaryAsync(p => p.Kind, ct);
        return NotificationKinds.Choosable.Select(k => stored.TryGetValue(k.Code, out var p)
                ? new NotificationChoice(k.Code, L.T(k.Name, k.NameEn), L.T(k.Audience, k.AudienceEn), p.InApp, p.Email)
                : new NotificationChoice(k.Code, L.T(k.Name, k.NameEn), L.T(k.Audience, k.AudienceEn), true, true))
            .ToList();
    }
}
