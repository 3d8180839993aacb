using System.Security.Claims;
using ApprovalFlow.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Identity;

/// <summary>
/// Reads the signed-in caller's roles, department and county from the database on every request (and on every UI call,
/// see <c>UiDomain</c>), instead of trusting what a bearer token or cookie carried when it was issued: a role taken
/// away, or an officer moved to another department or county, takes effect at the next request. A token whose account
/// is gone, switched off (停用), or whose security stamp no longer matches (password reset), is treated as anonymous: the
/// API answers 401 and pages sign the browser out (<see cref="UseStaleSignInRefusal"/>).
/// </summary>
public sealed class CallerClaimsRefresh(UserManager<AppUser> users, IOptions<IdentityOptions> options, IHttpContextAccessor http)
    : IClaimsTransformation
{
    /// <summary>Marks a principal already refreshed in this request (authentication may run more than once).</summary>
    public const string RefreshedClaim = "approvalflow:refreshed";

    /// <summary>Set on a request whose token or cookie no longer holds; <see cref="UseStaleSignInRefusal"/> answers it.</summary>
    public const string StaleItem = "approvalflow:stale-sign-in";

    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == RefreshedClaim)) return principal;
        var refreshed = await RefreshAsync(principal);
        if (refreshed.Identity?.IsAuthenticated != true && http.HttpContext is { } context) context.Items[StaleItem] = true;
        return refreshed;
    }

    /// <summary>
    /// After authentication: a request whose sign-in no longer holds is answered as not signed in — 401 on the API, and
    /// on the pages the cookie is removed and the browser sent to sign in again.
    /// </summary>
    public static IApplicationBuilder UseStaleSignInRefusal(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Items.ContainsKey(StaleItem))
        {
            await next(context);
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: Ui.Shell.L.T("登录已失效", "Signed out"),
                detail: Ui.Shell.L.T("账号的权限或密码已变更，请重新登录。", "The account's access or password changed: sign in again.")).ExecuteAsync(context);
            return;
        }
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        context.Response.Redirect(Ui.Shell.UiRoutes.Login);
    });

    /// <summary>The principal with the database's roles, department and county now; anonymous if it no longer holds.</summary>
    public async Task<ClaimsPrincipal> RefreshAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity) return Anonymous;
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } id) return Anonymous;
        var user = await users.FindByIdAsync(id);
        if (user is null) return Anonymous;
        var stampType = options.Value.ClaimsIdentity.SecurityStampClaimType;
        if (users.SupportsUserSecurityStamp && principal.FindFirstValue(stampType) != user.SecurityStamp) return Anonymous;
        if (user.IsSwitchedOff()) return Anonymous;

        var roleType = identity.RoleClaimType;
        var refreshed = new ClaimsIdentity(identity.AuthenticationType, identity.NameClaimType, roleType);
        refreshed.AddClaims(identity.Claims.Where(c =>
            c.Type != roleType && c.Type != AppClaimTypes.Department && c.Type != AppClaimTypes.County && c.Type != RefreshedClaim)
            .Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer)));
        foreach (var role in await users.GetRolesAsync(user)) refreshed.AddClaim(new Claim(roleType, role));
        if (user.Department is { Length: > 0 } department) refreshed.AddClaim(new Claim(AppClaimTypes.Department, department));
        if (user.County is { Length: > 0 } county) refreshed.AddClaim(new Claim(AppClaimTypes.County, county));
        refreshed.AddClaim(new Claim(RefreshedClaim, "1"));
        return new ClaimsPrincipal(refreshed);
    }
}
