using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace ApprovalFlow.Web.Features.Account;

/// <summary>
/// A signed-in user changes their own password (修改密码), giving the current one. The mark "must change the password"
/// (initial administrator, a password an administrator reset) goes; the account's tokens and cookies stop working
/// (security stamp), so the user signs in again with the new password. Neither password is audited.
/// </summary>
public sealed record ChangeOwnPassword(Actor Actor, [property: NotAudited] string? CurrentPassword, [property: NotAudited] string? NewPassword)
    : ICommand<Unit>, IAuditedCommand
{
    public string SubjectType => "user";

    public string? SubjectId => Actor.UserId;
}

public sealed class ChangeOwnPasswordHandler(UserManager<AppUser> users) : ICommandHandler<ChangeOwnPassword, Unit>
{
    public async ValueTask<Unit> Handle(ChangeOwnPassword command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Actor.UserId)
            ?? throw RefusedException.NotFound(L.T("账户不存在。", "The account does not exist."));
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(command.CurrentPassword)) errors["currentPassword"] = [L.T("请填写当前密码。", "Give the current password.")];
        if (string.IsNullOrEmpty(command.NewPassword)) errors["newPassword"] = [L.T("请填写新密码。", "Give the new password.")];
        else if (command.NewPassword == command.CurrentPassword)
            errors["newPassword"] = [L.T("新密码不能与当前密码相同。", "The new password must differ from the current one.")];
        else
        {
            var weaknesses = new List<string>();
            foreach (var validator in users.PasswordValidators)
                weaknesses.AddRange((await validator.ValidateAsync(users, user, command.NewPassword)).Errors.Select(e => e.Description));
            if (weaknesses.Count > 0) errors["newPassword"] = [.. weaknesses];
        }
        if (errors.Count > 0) throw RefusedException.Invalid(errors);

        var changed = await users.ChangePasswordAsync(user, command.CurrentPassword!, command.NewPassword!);
        if (!changed.Succeeded)
        {
            if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                throw RefusedException.Invalid("currentPassword", L.T("当前密码不正确。", "The current password is wrong."));
            throw RefusedException.Invalid("newPassword", string.Join(" ", changed.Errors.Select(e => e.Description)));
        }
        var marks = (await users.GetClaimsAsync(user)).Where(c => c.Type == AccountState.MustChangePasswordClaim).ToList();
        if (marks.Count > 0)
        {
            var removed = await users.RemoveClaimsAsync(user, marks);
            if (!removed.Succeeded) throw RefusedException.Conflict(string.Join(" ", removed.Errors.Select(e => e.Description)));
        }
        return Unit.Value;
    }
}
