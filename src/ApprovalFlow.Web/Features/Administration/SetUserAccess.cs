using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Counties;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Administration;

/// <summary>
/// An administrator gives an account its roles and what it acts for: an officer's or department head's department (required) and county,
/// an enterprise user's enterprise (required). Fields that do not fit the roles are cleared, so an account never
/// keeps a department it no longer works for. The user's sign-in is refreshed at the next request (security stamp).
/// </summary>
public sealed record SetUserAccess(Actor Actor, string UserId, IReadOnlyList<string>? Roles, string? Department, string? County, Guid? EnterpriseId)
    : ICommand<UserResponse>, IAuditedCommand
{
    public string SubjectType => "user";

    public string? SubjectId => UserId;
}

public sealed class SetUserAccessHandler(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : ICommandHandler<SetUserAccess, UserResponse>
{
    public async ValueTask<UserResponse> Handle(SetUserAccess command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsAdministrator) throw RefusedException.Forbidden(L.T("只有管理员可以管理用户和角色。", "Only an administrator manages users and roles."));
        var user = await users.FindByIdAsync(command.UserId) ?? throw RefusedException.NotFound(L.T("该用户不存在。", $"No user has the id {command.UserId}."));

        var errors = new Dictionary<string, string[]>();
        var roles = CheckRoles(command.Roles, errors);
        if (user.Id == command.Actor.UserId && !roles.Contains(AppRoles.Administrator))
            errors["roles"] = [L.T("不能撤销自己的管理员角色，须由其他管理员办理。", "You cannot take the Administrator role from yourself; another administrator must.")];
        var (department, county, enterpriseId) = await CheckPlacementAsync(db, roles, command.Department, command.County, command.EnterpriseId, errors,
            cancellationToken);
        if (errors.Count > 0) throw RefusedException.Invalid(errors);

        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles, StringComparer.Ordinal)));
        Check(await users.AddToRolesAsync(user, roles.Except(current, StringComparer.Ordinal)));
        user.Department = department;
        user.County = string.IsNullOrEmpty(county) ? null : county;
        user.EnterpriseId = enterpriseId;
        Check(await users.UpdateSecurityStampAsync(user));

        var enterpriseName = enterpriseId is { } id ? await db.Set<Enterprise>().Where(x => x.Id == id).Select(x => x.Name).SingleAsync(cancellationToken) : null;
        return new UserResponse(user.Id, user.Email ?? user.UserName ?? user.Id, [.. roles.Order(StringComparer.Ordinal)], user.Department, user.County,
            user.EnterpriseId, enterpriseName, user.LockoutEnd > clock.GetUtcNow());
    }

    /// <summary>
    /// The roles asked for, trimmed and without repeats; unknown roles and an enterprise user with other roles are
    /// refused under <c>roles</c>. Shared with <see cref="CreateUserAccountHandler"/>.
    /// </summary>
    internal static List<string> CheckRoles(IReadOnlyList<string>? requested, Dictionary<string, string[]> errors)
    {
        var roles = (requested ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var unknown = roles.Where(r => !AppRoles.All.Contains(r)).ToList();
        if (unknown.Count > 0) errors["roles"] = [L.T($"未知角色 {string.Join("、", unknown)}，可选角色为 {string.Join("、", AppRoles.All)}。", $"Unknown role(s) {string.Join(", ", unknown)}: use {string.Join(", ", AppRoles.All)}.")];
        if (roles.Contains(AppRoles.Enterprise) && roles.Count > 1)
            errors["roles"] = [L.T("企业用户不能兼任其他角色：工作人员与申请人不能是同一人。", "An enterprise user has no other role: staff and applicants are different people.")];
        return roles;
    }

    /// <summary>
    /// The department, county and enterprise that fit the roles (the others are cleared), refused by field name when
    /// missing or unknown. Shared with <see cref="CreateUserAccountHandler"/>.
    /// </summary>
    internal static async Task<(string? Department, string? County, Guid? EnterpriseId)> CheckPlacementAsync(AppDbContext db,
        List<string> roles, string? requestedDepartment, string? requestedCounty, Guid? requestedEnterpriseId, Dictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        // A department head is an officer of the department too (chasing escalates to them).
        var isOfficer = roles.Contains(AppRoles.Officer) || roles.Contains(AppRoles.DepartmentHead);
        var isEnterprise = roles.Contains(AppRoles.Enterprise);
        var department = isOfficer ? requestedDepartment?.Trim() : null;
        if (isOfficer && string.IsNullOrEmpty(department)) errors["department"] = [L.T("审批人员须隶属于一个部门，请选择部门。", "An officer works for a department: choose it.")];
        else if (department is { Length: > Departments.CodeLength }) errors["department"] = [L.T($"部门代码最多 {Departments.CodeLength} 个字符。", $"At most {Departments.CodeLength} characters.")];

        var county = isOfficer || isEnterprise ? requestedCounty?.Trim() : null;
        if (!string.IsNullOrEmpty(county) && !await db.Set<County>().AnyAsync(c => c.Code == county, cancellationToken))
            errors["county"] = [L.T($"“{county}”不是本市 13 个县（市、区）之一，请填写六位行政区划代码，如 131102。", $"{county} is not one of the 13 counties and districts; give its six-digit code, e.g. 131102.")];

        var enterpriseId = isEnterprise ? requestedEnterpriseId : null;
        if (isEnterprise && enterpriseId is null) errors["enterpriseId"] = [L.T("企业用户须代表一家企业，请选择企业。", "An enterprise user acts for an enterprise: choose it.")];
        else if (enterpriseId is { } e && !await db.Set<Enterprise>().AnyAsync(x => x.Id == e, cancellationToken))
            errors["enterpriseId"] = [L.T("所选企业不存在。", $"Enterprise {e} does not exist.")];
        return (department, string.IsNullOrEmpty(county) ? null : county, enterpriseId);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw RefusedException.Conflict(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
