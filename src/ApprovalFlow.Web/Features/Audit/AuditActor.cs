using System.Security.Claims;
using ApprovalFlow.Web.Identity;

namespace ApprovalFlow.Web.Features.Audit;

/// <summary>Who acted, as the log records it.</summary>
public sealed record AuditActor(string Name, string Roles)
{
    /// <summary>Jobs and start-up work: no HTTP request behind them.</summary>
    public static readonly AuditActor System = new("system", "");

    public static readonly AuditActor Anonymous = new("anonymous", "");

    public static AuditActor Of(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return Anonymous;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct().Order(StringComparer.Ordinal);
        return new AuditActor(Caller.Id(user) ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous", string.Join(",", roles));
    }
}
