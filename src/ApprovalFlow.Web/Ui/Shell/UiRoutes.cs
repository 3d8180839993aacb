using System.Security.Claims;
using ApprovalFlow.Web.Identity;

namespace ApprovalFlow.Web.Ui.Shell;

/// <summary>The pages' addresses, and where each role starts.</summary>
public static class UiRoutes
{
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string AccessDenied = "/account/denied";
    public const string Culture = "/account/culture";
    public const string Inbox = "/inbox";
    public const string Portal = "/portal";
    public const string Messages = "/messages";
    public const string Supervision = "/supervision";
    public const string Designer = "/designer";
    public const string Administration = "/admin";

    public static string Case(Guid id) => $"/cases/{id}";

    /// <summary>The first page after sign-in: the role's daily work.</summary>
    public static string StartPageOf(ClaimsPrincipal user) =>
        user.IsInRole(AppRoles.Officer) ? Inbox
        : user.IsInRole(AppRoles.Enterprise) ? Portal
        : user.IsInRole(AppRoles.Supervisor) || user.IsInRole(AppRoles.PairedLeader) ? Supervision
        : user.IsInRole(AppRoles.Administrator) ? Designer
        : "/cases";
}
