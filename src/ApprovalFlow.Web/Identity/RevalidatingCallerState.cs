using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace ApprovalFlow.Web.Identity;

/// <summary>
/// Re-checks an open Blazor circuit's user against the database every <c>Identity:RevalidationSeconds</c> (default 60):
/// when the account is gone, its security stamp changed, or its roles, department or county differ from what the
/// circuit holds, the circuit's user becomes anonymous and the pages send them to sign in again. Each UI call already
/// acts with the database's roles (<c>UiDomain</c> refreshes the caller per call); this closes what the page shows.
/// </summary>
public sealed class RevalidatingCallerState(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IConfiguration configuration)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval =>
        TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Identity:RevalidationSeconds", 60)));

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        StillValidAsync(state.User);

    /// <summary>Whether the circuit's user still holds: the account is there, its stamp unchanged, its access the same.</summary>
    public async Task<bool> StillValidAsync(ClaimsPrincipal held)
    {
        await using var scope = scopes.CreateAsyncScope();
        var fresh = await scope.ServiceProvider.GetRequiredService<CallerClaimsRefresh>().RefreshAsync(held);
        return fresh.Identity?.IsAuthenticated == true && SameAccess(held, fresh);
    }

    /// <summary>Roles, department and county as the circuit holds them and as the database has them now.</summary>
    public static bool SameAccess(ClaimsPrincipal held, ClaimsPrincipal fresh) => Access(held).SetEquals(Access(fresh));

    private static HashSet<string> Access(ClaimsPrincipal user) =>
    [
        .. AppRoles.All.Where(user.IsInRole).Select(r => "role:" + r),
        .. user.FindAll(AppClaimTypes.Department).Select(c => "department:" + c.Value),
        .. user.FindAll(AppClaimTypes.County).Select(c => "county:" + c.Value),
    ];
}
