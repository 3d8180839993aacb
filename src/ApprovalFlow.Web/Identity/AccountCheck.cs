using System.Security.Claims;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Ui.Shell;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Identity;

/// <summary>
/// After authentication, on every request of a signed-in caller: the account must still exist, not be switched off, and
/// carry the security stamp the token or cookie was issued with (a reset password, a switch-off or new roles change it).
/// Otherwise the API answers 401 and pages sign the browser out. One primary-key read per request: bearer tokens are
/// otherwise trusted until they expire. A caller who must change the password reaches only the sign-in endpoints and
/// the password change until they do (403 on the API, the change-password page for pages).
/// </summary>
public sealed class AccountCheck(RequestDelegate next)
{
    public const string ChangePasswordPage = "/account/password";

    public async Task InvokeAsync(HttpContext context, AppDbContext db, IOptions<IdentityOptions> identity)
    {
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } userId)
        {
            await next(context);
            return;
        }

        var stored = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd })
            .FirstOrDefaultAsync(context.RequestAborted);
        var issuedStamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stored is null || AccountState.IsSwitchedOff(stored.LockoutEnd) || (issuedStamp is not null && issuedStamp != stored.SecurityStamp))
        {
            await RefuseAsync(context);
            return;
        }

        if (AccountState.MustChangePassword(principal) && !MayPassBeforeChange(context.Request))
        {
            if (IsApi(context.Request))
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: L.T("请先修改密码", "Change your password first"),
                    detail: L.T("此账户须先修改初始密码：POST /api/account/password，然后重新登录。",
                        "This account must change its initial password first: POST /api/account/password, then sign in again."))
                    .ExecuteAsync(context);
                return;
            }
            context.Response.Redirect(ChangePasswordPage);
            return;
        }
        await next(context);
    }

    private static async Task RefuseAsync(HttpContext context)
    {
        if (IsApi(context.Request))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: L.T("登录已失效", "Signed out"),
                detail: L.T("账户已停用或凭据已失效，请重新登录。", "The account is switched off or its sign-in is no longer valid; sign in again."))
                .ExecuteAsync(context);
            return;
        }
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        context.Response.Redirect(UiRoutes.Login);
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>What a caller who must change the password may still reach: signing in and out, the change itself, page assets.</summary>
    private static bool MayPassBeforeChange(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/auth")
        || request.Path.StartsWithSegments("/api/account/password")
        || request.Path.StartsWithSegments("/account")
        || request.Path.StartsWithSegments("/_framework")
        || request.Path.StartsWithSegments("/_content")
        || request.Path.StartsWithSegments("/_blazor")
        || Path.HasExtension(request.Path.Value);
}
