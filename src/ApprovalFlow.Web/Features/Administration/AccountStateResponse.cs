namespace ApprovalFlow.Web.Features.Administration;

/// <summary>What <see cref="ResetUserPassword"/> and <see cref="SetUserActive"/> answer: the account's sign-in state.</summary>
public sealed record AccountStateResponse(string Id, string Email, bool Active, bool MustChangePassword, bool LockedOut);
