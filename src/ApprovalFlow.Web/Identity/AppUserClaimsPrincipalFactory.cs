using System.Security.Claims;
using ApprovalFlow.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Identity;

/// <summary>Carries the user's department and county in the token, so handlers need no lookup to filter by them.</summary>
public sealed class AppUserClaimsPrincipalFactory(
    UserManager<AppUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrEmpty(user.Department))
        {
            identity.AddClaim(new Claim(AppClaimTypes.Department, user.Department));
        }
        if (!string.IsNullOrEmpty(user.County))
        {
            identity.AddClaim(new Claim(AppClaimTypes.County, user.County));
        }
        return identity;
    }
}
