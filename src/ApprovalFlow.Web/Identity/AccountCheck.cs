using System.Security.Claims;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Identity;

/// <summary>
/// After authentication: a caller who must change the password (the initial administrator, or after an administrator's
/// reset) reaches only the sign-in endpoints and the password change until they do (403 on the API, the
/// change-password page for pages). Whether the account still holds at all (gone, switched off, security stamp changed)
/// is <see cref="CallerClaimsRefresh"/>'s: it reads the account once per request with the roles, department and county.
/// </summary>
public sealed class AccountCheck(RequestDelegate next)
{
    public const string ChangePasswordPage = "/account/password";

    public async Task InvokeAsync(HttpContext context)
    {
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            await next(context);
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
