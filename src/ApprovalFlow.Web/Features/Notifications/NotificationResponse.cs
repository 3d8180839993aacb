namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>An inbox message; <c>title</c>/<c>body</c> are zh-CN, <c>titleEn</c>/<c>bodyEn</c> English.</summary>
public sealed record NotificationResponse(
    Guid Id, string Kind, string Title, string Body, string TitleEn, string BodyEn, string? Link, Guid? CaseId, DateTime CreatedAt,
    DateTime? ReadAt, bool Read)
{
    public static NotificationResponse From(Notification n) => new(
        n.Id, n.Kind, n.Title, n.Body, n.TitleEn, n.BodyEn, n.Link, n.CaseId, n.CreatedAt.AsUtc(), n.ReadAt.AsUtc(), n.ReadAt is not null);
}

/// <summary>One page of the inbox.</summary>
public sealed record InboxPage(IReadOnlyList<NotificationResponse> Items, int Page, int PageSize, int Total, int Unread);
