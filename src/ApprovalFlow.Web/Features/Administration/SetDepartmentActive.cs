using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Features.Supervision;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Administration;

/// <summary>
/// An administrator takes a department out of use or back. A department that still has open steps cannot be taken
/// out of use: their applicants would wait on nobody.
/// </summary>
public sealed record SetDepartmentActive(Actor Actor, string Code, bool Active) : ICommand<DepartmentEditResponse>, IAuditedCommand
{
    public string SubjectType => "department";

    public string? SubjectId => Code;
}

public sealed class SetDepartmentActiveHandler(AppDbContext db) : ICommandHandler<SetDepartmentActive, DepartmentEditResponse>
{
    public async ValueTask<DepartmentEditResponse> Handle(SetDepartmentActive command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsAdministrator) throw RefusedException.Forbidden(L.T("只有管理员可以维护部门。", "Only an administrator edits the departments."));
        var department = await Departments.FindAsync(db, command.Code, cancellationToken)
            ?? throw RefusedException.NotFound(L.T("该部门不存在。", $"No department has the code {command.Code}."));
        if (!command.Active && department.IsActive)
        {
            var open = SupervisedStep.OpenStatuses;
            var openSteps = await db.Set<ApprovalStep>().CountAsync(s => s.Department == department.Code && open.Contains(s.Status), cancellationToken);
            if (openSteps > 0)
                throw RefusedException.Conflict(
                    L.T($"部门“{department.Name}”尚有 {openSteps} 个未办结的审批环节，办结后方可停用。", $"Department {department.Code} still has {openSteps} open step(s); they must be finished before it is taken out of use."));
        }
        department.SetActive(command.Active);
        await db.SaveChangesAsync(cancellationToken);
        return DepartmentEditResponse.From(department);
    }
}
