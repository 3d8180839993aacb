using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Administration;

/// <summary>Every account with its roles, department, county and enterprise, by email; administrators only.</summary>
public sealed record ListUsers(Actor Actor, string? Role = null) : IQuery<UserResponse[]>;

public sealed class ListUsersHandler(AppDbContext db, TimeProvider clock) : IQueryHandler<ListUsers, UserResponse[]>
{
    public async ValueTask<UserResponse[]> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        if (!query.Actor.IsAdministrator) throw RefusedException.Forbidden(L.T("只有管理员可以管理用户和角色。", "Only an administrator manages users and roles."));
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var roles = (await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        var enterprises = await db.Set<Enterprise>().AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var now = clock.GetUtcNow();
        return [.. users
            .Select(u => new UserResponse(u.Id, u.Email ?? u.UserName ?? u.Id, [.. roles[u.Id].Order(StringComparer.Ordinal)], u.Department, u.County,
                u.EnterpriseId, u.EnterpriseId is { } e ? enterprises.GetValueOrDefault(e) : null, u.LockoutEnd > now))
            .Where(u => string.IsNullOrWhiteSpace(query.Role) || u.Roles.Contains(query.Role.Trim(), StringComparer.OrdinalIgnoreCase))
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)];
    }
}
