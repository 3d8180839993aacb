namespace ApprovalFlow.Web.Features.Administration;

/// <summary>An account as administrators manage it: its roles, and the department, county and enterprise it acts for.</summary>
public sealed record UserResponse(
    string Id, string Email, string[] Roles, string? Department, string? County, Guid? EnterpriseId, string? EnterpriseName, bool LockedOut);
