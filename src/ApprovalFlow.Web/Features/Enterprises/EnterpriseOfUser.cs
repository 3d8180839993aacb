using ApprovalFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Enterprises;

public static class EnterpriseOfUser
{
    /// <summary>The enterprise a user acts for, if any; read per request so that a reassignment applies at once.</summary>
    public static Task<Guid?> EnterpriseOfAsync(this AppDbContext db, string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.EnterpriseId).SingleOrDefaultAsync(ct);
}
