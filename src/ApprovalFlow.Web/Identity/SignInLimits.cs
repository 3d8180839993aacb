namespace ApprovalFlow.Web.Identity;

/// <summary>
/// How hard sign-in is to guess at (section <c>SignIn</c>). Three layers: every sign-in request of one client address
/// (<see cref="PermitsPerAddressPerMinute"/>, answered 429), failed sign-ins of one account from one address
/// (<see cref="FailuresPerAccountAndAddress"/> in <see cref="FailureWindowMinutes"/>, answered 429, so a stranger's
/// failures never block the officer at her own desk), and Identity's lockout of the account whatever the address
/// (<see cref="LockoutFailures"/> failures lock it for <see cref="LockoutMinutes"/>, never longer: a short back-off that
/// cannot be used to keep someone out for long).
/// </summary>
public sealed class SignInLimits
{
    public const string Section = "SignIn";

    public int PermitsPerAddressPerMinute { get; set; } = 30;

    public int FailuresPerAccountAndAddress { get; set; } = 5;

    public int FailureWindowMinutes { get; set; } = 5;

    public int LockoutFailures { get; set; } = 10;

    public int LockoutMinutes { get; set; } = 1;
}
