using System.Security.Claims;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Projects;

/// <summary>Who calls a project or enterprise use case: the user's id, the name history records, and the roles.</summary>
public sealed record Actor(string UserId, string Name, IReadOnlySet<string> Roles)
{
    /// <summary>Staff who see every project and enterprise: officers, supervisors, paired leaders, administrators.</summary>
    public bool SeesEverything => Roles.Contains(AppRoles.Administrator) || Roles.Contains(AppRoles.Officer)
        || Roles.Contains(AppRoles.Supervisor) || Roles.Contains(AppRoles.PairedLeader);

    public bool IsAdministrator => Roles.Contains(AppRoles.Administrator);

    /// <summary>Identity always issues both claims; a principal without them cannot be recorded as acting.</summary>
    public static Actor Of(ClaimsPrincipal user) =>
        From(user) ?? throw RefusedException.Forbidden(L.T("调用者没有可用于办理的用户标识或用户名。", "The caller has no user id or name to act with."));

    public static Actor? From(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id && Caller.Id(user) is { Length: > 0 } name
            ? new Actor(id, name, AppRoles.All.Where(user.IsInRole).ToHashSet())
            : null;
}
