using System.Security.Claims;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>The caller's own in-app inbox (站内消息); nobody reads another user's inbox, administrators included.</summary>
public static class InboxApi
{
    public static RouteGroupBuilder MapInboxApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/inbox").WithTags("Inbox");
        group.MapGet("/", ListAsync).ProducesValidationProblem()
            .WithSummary("The caller's messages, newest first (unreadFirst=true: unread before read), paged by page and pageSize");
        group.MapGet("/unread-count", CountAsync).WithSummary("How many of the caller's messages are unread");
        group.MapPost("/{id:guid}/read", ReadAsync).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Marks one message read");
        group.MapPost("/read-all", ReadAllAsync).WithSummary("Marks every unread message read");
        group.MapGet("/preferences", PreferencesAsync).WithSummary("Which kinds of message reach the caller's inbox and e-mail");
        group.MapPut("/preferences", SetPreferencesAsync).ProducesValidationProblem()
            .WithSummary("Chooses, per kind of message, the inbox and e-mail (chase reminders cannot be switched off)");
        return group;
    }

    public static async Task<Ok<InboxPage>> ListAsync(int? page, int? pageSize, bool? unreadFirst, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListInbox(Actor.Of(user), page, pageSize, unreadFirst ?? false), ct));

    public static async Task<Ok<UnreadCount>> CountAsync(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new CountUnread(Actor.Of(user)), ct));

    public static async Task<Ok<NotificationResponse>> ReadAsync(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new MarkNotificationRead(Actor.Of(user), id), ct));

    public static async Task<Ok<MarkedRead>> ReadAllAsync(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new MarkAllNotificationsRead(Actor.Of(user)), ct));

    public static async Task<Ok<IReadOnlyList<NotificationChoice>>> PreferencesAsync(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetNotificationPreferences(Actor.Of(user)), ct));

    public static async Task<Ok<IReadOnlyList<NotificationChoice>>> SetPreferencesAsync(IReadOnlyList<NotificationChoiceRequest> choices,
        ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SetNotificationPreferences(Actor.Of(user), choices), ct));
}
