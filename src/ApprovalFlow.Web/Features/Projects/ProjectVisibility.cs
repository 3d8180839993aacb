using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Projects;

public static class ProjectVisibility
{
    /// <summary>
    /// The projects a caller may see: staff see all; an enterprise user only its enterprise's, so another
    /// enterprise's project reads as missing (404), never as forbidden, and its existence does not leak.
    /// </summary>
    public static async Task<IQueryable<Project>> ProjectsVisibleToAsync(this AppDbContext db, Actor actor, CancellationToken ct)
    {
        var projects = db.Set<Project>().Include(p => p.Enterprise).Include(p => p.County).AsQueryable();
        if (actor.SeesEverything)
        {
            return projects;
        }
        var own = actor.Roles.Contains(AppRoles.Enterprise) ? await db.EnterpriseOfAsync(actor.UserId, ct) : null;
        return own is { } enterpriseId ? projects.Where(p => p.EnterpriseId == enterpriseId) : projects.Where(p => false);
    }
}
