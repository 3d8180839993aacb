using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Access;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>
/// What part of the steps a caller supervises: supervisors and administrators every county; an officer only the steps of
/// their own department, and of their own county when they have one (docs/security.md); a paired leader only the steps of
/// projects they lead. Enterprises are refused at the endpoints.
/// </summary>
public sealed record SupervisionScope(bool Everything, string? Department, string? PairedLeaderUserId, string? County = null)
{
    public static readonly SupervisionScope All = new(true, null, null);

    /// <summary>Nothing at all: an officer without a department.</summary>
    public static readonly SupervisionScope None = new(false, null, null);

    public static async Task<SupervisionScope> OfAsync(AppDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.IsAdministrator || actor.Roles.Contains(AppRoles.Supervisor)) return All;
        if (actor.Roles.Contains(AppRoles.Officer))
        {
            var caller = await CallerScope.LoadAsync(db, actor, ct);
            return caller.OfficerDepartment is { } department ? new(false, department, null, caller.County) : None;
        }
        if (actor.Roles.Contains(AppRoles.PairedLeader)) return new(false, null, actor.UserId);
        throw RefusedException.Forbidden(L.T("只有监督人员、管理员、审批人员和包联领导可以查看督查数据。", "Only supervisors, administrators, officers and paired leaders see supervision figures."));
    }
}
