using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Administration;

/// <summary>An administrator adds a department (部门): its code (fixed for good), Chinese and English names; it starts active.</summary>
public sealed record AddDepartment(Actor Actor, string? Code, string? Name, string? NameEn) : ICommand<DepartmentEditResponse>, IAuditedCommand
{
    public string SubjectType => "department";

    public string? SubjectId => Code;
}

public sealed class AddDepartmentHandler(AppDbContext db) : ICommandHandler<AddDepartment, DepartmentEditResponse>
{
    public async ValueTask<DepartmentEditResponse> Handle(AddDepartment command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsAdministrator) throw RefusedException.Forbidden(L.T("只有管理员可以维护部门。", "Only an administrator edits the departments."));
        var errors = new Dictionary<string, string[]>();
        var code = command.Code?.Trim() ?? "";
        if (!Departments.IsValidCode(code))
            errors["code"] = [L.T($"部门代码只能由小写字母、数字和连字符组成（如 housing-construction），最多 {Departments.CodeLength} 个字符。", $"The code has lower-case letters, digits and dashes only (e.g. housing-construction), at most {Departments.CodeLength} characters.")];
        var (name, nameEn) = Departments.CheckNames(command.Name, command.NameEn, errors);
        if (errors.Count > 0) throw RefusedException.Invalid(errors);

        if (await db.Set<Department>().AsNoTracking().SingleOrDefaultAsync(d => d.Code == code, cancellationToken) is { } existing)
            throw RefusedException.Conflict(L.T($"部门代码 {code} 已由“{existing.Name}”使用，如需修改名称请改用重命名。",
                $"A department with the code {code} exists already; rename it instead."));
        var department = new Department(code, name, nameEn);
        db.Add(department);
        await db.SaveChangesAsync(cancellationToken);
        return DepartmentEditResponse.From(department);
    }
}
