using System.ComponentModel.DataAnnotations;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Administration;

/// <summary>
/// An administrator opens a new account (开设账户): its e-mail (unique), an initial password that meets the sign-in rules,
/// and its roles with the department, county and enterprise checked exactly as <see cref="SetUserAccess"/> checks them.
/// The password is never written to the audit log.
/// </summary>
public sealed record CreateUserAccount(
    Actor Actor,
    string? Email,
    [property: NotAudited] string? Password,
    IReadOnlyList<string>? Roles,
    string? Department,
    string? County,
    Guid? EnterpriseId)
    : ICommand<UserResponse>, IAuditedCommand
{
    public string SubjectType => "user";

    public string? SubjectId => Email?.Trim();
}

public sealed class CreateUserAccountHandler(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
    : ICommandHandler<CreateUserAccount, UserResponse>
{
    private const int EmailLength = 256;

    public async ValueTask<UserResponse> Handle(CreateUserAccount command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsAdministrator) throw RefusedException.Forbidden(L.T("只有管理员可以管理用户和角色。", "Only an administrator manages users and roles."));

        var errors = new Dictionary<string, string[]>();
        var email = command.Email?.Trim() ?? "";
        if (email.Length == 0) errors["email"] = [L.T("请填写用户登录所用的电子邮箱。", "Give the e-mail the user signs in with.")];
        else if (email.Length > EmailLength) errors["email"] = [L.T($"电子邮箱最多 {EmailLength} 个字符。", $"At most {EmailLength} characters.")];
        else if (!new EmailAddressAttribute().IsValid(email) || email.Contains(' ', StringComparison.Ordinal))
            errors["email"] = [L.T($"“{email}”不是有效的电子邮箱地址。", $"{email} is not an e-mail address.")];

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        var password = command.Password ?? "";
        if (password.Length == 0) errors["password"] = [L.T("请填写初始密码。", "Give an initial password.")];
        else
        {
            var weaknesses = new List<string>();
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, password);
                weaknesses.AddRange(result.Errors.Select(e => e.Description));
            }
            if (weaknesses.Count > 0) errors["password"] = [.. weaknesses];
        }

        var roles = SetUserAccessHandler.CheckRoles(command.Roles, errors);
        var (department, county, enterpriseId) = await SetUserAccessHandler.CheckPlacementAsync(db, roles, command.Department, command.County,
            command.EnterpriseId, errors, cancellationToken);
        if (errors.Count > 0) throw RefusedException.Invalid(errors);
        if (await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null)
            throw RefusedException.Conflict(L.T($"电子邮箱 {email} 已有账户。", $"An account with the e-mail {email} exists already."));

        user.Department = department;
        user.County = county;
        user.EnterpriseId = enterpriseId;
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
                throw RefusedException.Conflict(L.T($"电子邮箱 {email} 已有账户。", $"An account with the e-mail {email} exists already."));
            throw RefusedException.Invalid("email", string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded) throw RefusedException.Conflict(string.Join(" ", added.Errors.Select(e => e.Description)));

        var enterpriseName = enterpriseId is { } id
            ? await db.Set<Enterprise>().Where(x => x.Id == id).Select(x => x.Name).SingleAsync(cancellationToken)
            : null;
        return new UserResponse(user.Id, email, [.. roles.Order(StringComparer.Ordinal)], department, user.County, enterpriseId, enterpriseName,
            user.LockoutEnd > clock.GetUtcNow());
    }
}
