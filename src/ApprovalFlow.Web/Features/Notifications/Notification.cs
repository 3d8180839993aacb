namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>One message in a user's in-app inbox (站内消息), in Chinese with an English variant, linking to what it is about.</summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Notification(string userId, string kind, NotificationText text, string? link, Guid? caseId, DateTime createdAt)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Kind = kind;
        Title = text.Title;
        Body = text.Body;
        TitleEn = text.TitleEn;
        BodyEn = text.BodyEn;
        Link = link;
        CaseId = caseId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
    /// <summary>What kind of message, e.g. <c>chase.reminder</c>.</summary>
    public string Kind { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string TitleEn { get; private set; } = "";
    public string BodyEn { get; private set; } = "";
    public string? Link { get; private set; }
    public Guid? CaseId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime at) => ReadAt ??= at;
}

/// <summary>A message in zh-CN (shown by default) and English.</summary>
public sealed record NotificationText(string Title, string Body, string TitleEn, string BodyEn);
