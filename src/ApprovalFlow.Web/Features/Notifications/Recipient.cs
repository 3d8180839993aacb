namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>A user to notify: the inbox is theirs by id; e-mail goes to their address when they have one.</summary>
public sealed record Recipient(string UserId, string? Email);
