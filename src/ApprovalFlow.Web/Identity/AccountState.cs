using System.Security.Claims;
using ApprovalFlow.Web.Data;

namespace ApprovalFlow.Web.Identity;

/// <summary>
/// What an account may do beyond its roles. Switched off (停用): Identity's lockout set to <see cref="SwitchedOffUntil"/>, so
/// the password is refused as for a locked account and <see cref="AccountCheck"/> refuses its tokens and cookies. Must change
/// its password: a user claim (<see cref="MustChangePasswordClaim"/>) that travels in the token, set on the initial
/// administrator and on every password an administrator resets.
/// </summary>
public static class AccountState
{
    public const string MustChangePasswordClaim = "approvalflow:must-change-password";

    /// <summary>A lockout that far ahead is a switch, not a back-off (which lasts minutes).</summary>
    public static readonly DateTimeOffset SwitchedOffUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsSwitchedOff(DateTimeOffset? lockoutEnd) => lockoutEnd >= SwitchedOffUntil;

    public static bool IsSwitchedOff(this AppUser user) => IsSwitchedOff(user.LockoutEnd);

    public static Claim MustChangePassword() => new(MustChangePasswordClaim, "true");

    public static bool MustChangePassword(ClaimsPrincipal user) => user.HasClaim(c => c.Type == MustChangePasswordClaim);
}
