using ApprovalFlow.Web.Data;

namespace ApprovalFlow.Web.Identity;

public static class RoleHolders
{
    /// <summary>The accounts in <paramref name="role"/> (Identity's user–role join), to filter and project further.</summary>
    public static IQueryable<AppUser> UsersInRole(this AppDbContext db, string role) =>
        from user in db.Users
        join userRole in db.UserRoles on user.Id equals userRole.UserId
        join r in db.Roles on userRole.RoleId equals r.Id
        where r.Name == role
        select user;
}
