using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Administration;

/// <summary>An administrator changes a department's Chinese and English names; its code stays, as workflows and accounts use it.</summary>
public sealed record RenameDepartment(Actor Actor, string Code, string? Name, string? NameEn) : ICommand<DepartmentEditResponse>, IAuditedCommand
{
    public string SubjectType => "department";

    public string? SubjectId => Code;
}

public sealed class RenameDepartmentHandler(AppDbContext db) : ICommandHandler<RenameDepartment, DepartmentEditResponse>
{
    public async ValueTask<DepartmentEditResponse> Handle(RenameDepartment command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsAdministrator) throw RefusedException.Forbidden(L.T("只有管理员可以维护部门。", "Only an administrator edits the departments."));
        var errors = new Dictionary<string, string[]>();
        var (name, nameEn) = Departments.CheckNames(command.Name, command.NameEn, errors);
        if (errors.Count > 0) throw RefusedException.Invalid(errors);
        var department = await Departments.FindAsync(db, command.Code, cancellationToken)
            ?? throw RefusedException.NotFound(L.T("该部门不存在。", $"No department has the code {command.Code}."));
        department.Rename(name, nameEn);
        await db.SaveChangesAsync(cancellationToken);
        return DepartmentEditResponse.From(department);
    }
}
