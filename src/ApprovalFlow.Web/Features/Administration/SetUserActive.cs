using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace ApprovalFlow.Web.Features.Administration;

/// <summary>
/// An administrator switches an account off (停用) or back on. Switched off, its password is refused as for a locked
/// account and its tokens and cookies stop working at the next request (<see cref="CallerClaimsRefresh"/>); nothing of its
/// history is removed. An administrator cannot switch themselves off. Switched back on, any lockout ends.
/// </summary>
public sealed record SetUserActive(Actor Actor, string UserId, bool Active) : ICommand<AccountStateResponse>, IAuditedCommand
{
    public string SubjectType => "user";

    public string? SubjectId => UserId;
}

public sealed class SetUserActiveHandler(UserManager<AppUser> users, TimeProvider clock) : ICommandHandler<SetUserActive, AccountStateResponse>
{
    public async ValueTask<AccountStateResponse> Handle(SetUserActive command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsAdministrator)
            throw RefusedException.Forbidden(L.T("只有管理员可以停用或启用账户。", "Only an administrator switches accounts off or on."));
        var user = await users.FindByIdAsync(command.UserId)
            ?? throw RefusedException.NotFound(L.T("该用户不存在。", $"No user has the id {command.UserId}."));
        if (!command.Active && user.Id == command.Actor.UserId)
            throw RefusedException.Conflict(L.T("不能停用自己的账户，须由另一位管理员操作。", "You cannot switch your own account off; another administrator must."));

        if (command.Active)
        {
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
        }
        else
        {
            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, AccountState.SwitchedOffUntil));
            Check(await users.UpdateSecurityStampAsync(user));
        }
        var mustChange = (await users.GetClaimsAsync(user)).Any(c => c.Type == AccountState.MustChangePasswordClaim);
        return StateOf(user, mustChange, clock);
    }

    internal static AccountStateResponse StateOf(AppUser user, bool mustChangePassword, TimeProvider clock) =>
        new(user.Id, user.Email ?? user.UserName ?? user.Id, !user.IsSwitchedOff(), mustChangePassword,
            !user.IsSwitchedOff() && user.LockoutEnd > clock.GetUtcNow());

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw RefusedException.Conflict(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
