using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Access;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Projects;

public static class ProjectVisibility
{
    /// <summary>
    /// The projects a caller may see: staff see all, but a county's officers only their county's; an enterprise user
    /// only its enterprise's, so another enterprise's (or county's) project reads as missing (404), never as forbidden,
    /// and its existence does not leak. Department, county and enterprise come from the database (docs/security.md).
    /// </summary>
    public static async Task<IQueryable<Project>> ProjectsVisibleToAsync(this AppDbContext db, Actor actor, CancellationToken ct)
    {
        var projects = db.Set<Project>().Include(p => p.Enterprise).Include(p => p.County).AsQueryable();
        var caller = await CallerScope.LoadAsync(db, actor, ct);
        if (actor.SeesEverything)
        {
            var cityWide = actor.IsAdministrator || actor.Roles.Contains(AppRoles.Supervisor) || actor.Roles.Contains(AppRoles.PairedLeader);
            return !cityWide && caller.County is { Length: > 0 } county ? projects.Where(p => p.CountyCode == county) : projects;
        }
        return caller.OwnEnterprise is { } enterpriseId ? projects.Where(p => p.EnterpriseId == enterpriseId) : projects.Where(p => false);
    }
}
