using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Enterprises;

public sealed record EnterpriseUserResponse(string UserId, string Email, Guid EnterpriseId);

/// <summary>An administrator makes a user of role Enterprise act for this enterprise (one enterprise per user).</summary>
public sealed record AssignEnterpriseUser(Actor Actor, Guid EnterpriseId, string? Email) : ICommand<EnterpriseUserResponse>, IAuditedCommand
{
    public string SubjectType => "enterprise";

    public string? SubjectId => EnterpriseId.ToString();
}

public sealed class AssignEnterpriseUserHandler(AppDbContext db) : ICommandHandler<AssignEnterpriseUser, EnterpriseUserResponse>
{
    public async ValueTask<EnterpriseUserResponse> Handle(AssignEnterpriseUser command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Email))
        {
            throw RefusedException.Invalid("email", L.T("请填写代表该企业办理的用户的电子邮箱。", "Enter the email of the user who acts for the enterprise."));
        }
        if (!await db.Set<Enterprise>().AnyAsync(e => e.Id == command.EnterpriseId, cancellationToken))
        {
            throw RefusedException.NotFound(L.T("该企业不存在。", $"Enterprise {command.EnterpriseId} does not exist."));
        }
        var normalizedEmail = command.Email.Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken);
        if (user is null)
        {
            throw RefusedException.Invalid("email", L.T($"没有使用电子邮箱 {command.Email.Trim()} 的用户。", $"No user has the email {command.Email.Trim()}."));
        }
        var isEnterpriseUser = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            where userRole.UserId == user.Id && role.Name == AppRoles.Enterprise
            select userRole).AnyAsync(cancellationToken);
        if (!isEnterpriseUser)
        {
            throw RefusedException.Conflict(L.T($"{user.Email} 不是企业用户；只有企业用户可以代表企业办理。", $"{user.Email} is not in the role {AppRoles.Enterprise}; only enterprise users act for an enterprise."));
        }
        user.EnterpriseId = command.EnterpriseId;
        return new EnterpriseUserResponse(user.Id, user.Email!, command.EnterpriseId);
    }
}
