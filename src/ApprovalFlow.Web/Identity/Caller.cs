using System.Security.Claims;

namespace ApprovalFlow.Web.Identity;

public static class Caller
{
    /// <summary>How the engine records who acted: the email, else the user name.</summary>
    public static string? Id(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name;
}
