using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Access;

/// <summary>
/// The caller as the database knows them at this request: roles (refreshed from the database on every request by
/// <see cref="CallerClaimsRefresh"/>), department (部门), county (区县; none for city-level staff) and enterprise.
/// Every access rule reads these, never a token claim: moving an officer to another department or county, or
/// taking a role away, takes effect at the next request.
/// </summary>
public sealed record CallerScope(Actor Actor, string? Department, string? County, Guid? EnterpriseId)
{
    public bool IsAdministrator => Actor.IsAdministrator;

    public bool Is(string role) => Actor.Roles.Contains(role);

    /// <summary>An officer with a department: acts on that department's work.</summary>
    public string? OfficerDepartment => Is(AppRoles.Officer) && Department is { Length: > 0 } department ? department : null;

    /// <summary>An enterprise user with an enterprise: acts on that enterprise's projects.</summary>
    public Guid? OwnEnterprise => Is(AppRoles.Enterprise) ? EnterpriseId : null;

    /// <summary>City-level staff (no county) see every county; county staff only their own.</summary>
    public bool SeesCounty(string countyCode) => County is not { Length: > 0 } own || own == countyCode;

    public static async Task<CallerScope> LoadAsync(AppDbContext db, Actor actor, CancellationToken ct)
    {
        var row = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new { u.Department, u.County, u.EnterpriseId })
            .SingleOrDefaultAsync(ct);
        return row is null
            ? new CallerScope(actor with { Roles = new HashSet<string>() }, null, null, null)
            : new CallerScope(actor, row.Department, row.County, row.EnterpriseId);
    }
}
