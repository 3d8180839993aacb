using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace ApprovalFlow.Web.Features.Administration;

/// <summary>
/// An administrator gives an account a new password (重置密码), for a user who forgot theirs: it must meet the sign-in rules,
/// the user must change it at the next sign-in, a back-off lockout ends, and the account's tokens and cookies stop working
/// (security stamp). The password is never written to the audit log. An administrator changes their own password
/// themselves (<c>POST /api/account/password</c>).
/// </summary>
public sealed record ResetUserPassword(Actor Actor, string UserId, [property: NotAudited] string? Password) : ICommand<AccountStateResponse>, IAuditedCommand
{
    public string SubjectType => "user";

    public string? SubjectId => UserId;
}

public sealed class ResetUserPasswordHandler(UserManager<AppUser> users, TimeProvider clock) : ICommandHandler<ResetUserPassword, AccountStateResponse>
{
    public async ValueTask<AccountStateResponse> Handle(ResetUserPassword command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsAdministrator)
            throw RefusedException.Forbidden(L.T("只有管理员可以重置密码。", "Only an administrator resets passwords."));
        var user = await users.FindByIdAsync(command.UserId)
            ?? throw RefusedException.NotFound(L.T("该用户不存在。", $"No user has the id {command.UserId}."));
        if (user.Id == command.Actor.UserId)
            throw RefusedException.Conflict(L.T("请在“修改密码”中修改自己的密码。", "Change your own password with POST /api/account/password."));

        var password = command.Password ?? "";
        if (password.Length == 0) throw RefusedException.Invalid("password", L.T("请填写新密码。", "Give the new password."));
        var weaknesses = new List<string>();
        foreach (var validator in users.PasswordValidators)
            weaknesses.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
        if (weaknesses.Count > 0) throw RefusedException.Invalid(new Dictionary<string, string[]> { ["password"] = [.. weaknesses] });

        if (await users.HasPasswordAsync(user)) Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        if (!(await users.GetClaimsAsync(user)).Any(c => c.Type == AccountState.MustChangePasswordClaim))
            Check(await users.AddClaimAsync(user, AccountState.MustChangePassword()));
        if (!user.IsSwitchedOff())
        {
            Check(await users.ResetAccessFailedCountAsync(user));
            Check(await users.SetLockoutEndDateAsync(user, null));
        }
        Check(await users.UpdateSecurityStampAsync(user));
        return SetUserActiveHandler.StateOf(user, mustChangePassword: true, clock);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw RefusedException.Conflict(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
