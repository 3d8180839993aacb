using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Access;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>A case task and who may act on it, as checked before anything is written.</summary>
public sealed record CaseTask(TaskSnapshot Task, ApprovalCase Case, ApprovalStep? Step, CaseTaskKind Kind, CaseModel Model);

public sealed class CaseTaskAccess(AppDbContext db, WorkflowEngine engine)
{
    /// <summary>
    /// The open task with the case and step it belongs to, if the caller may do <paramref name="action"/> on it:
    /// an officer only on its department's tasks, an enterprise only on its own case's enterprise tasks. Another
    /// enterprise's case reads as missing (404); a task of the wrong department or kind is refused (403 / 409).
    /// </summary>
    public async Task<CaseTask> RequireAsync(Actor actor, Guid taskId, CaseTaskKind? action, CancellationToken ct)
    {
        var task = await engine.GetTaskAsync(taskId, ct) ?? throw RefusedException.NotFound(Ui.Shell.L.T("该任务不存在或您无权查看。", $"Task {taskId} does not exist."));
        var approvalCase = await db.Set<ApprovalCase>().Include(c => c.Steps).ThenInclude(s => s.Pauses)
            .SingleOrDefaultAsync(c => c.InstanceId == task.InstanceId, ct)
            ?? throw RefusedException.NotFound(Ui.Shell.L.T("该任务不属于任何审批案件。", $"Task {taskId} belongs to no approval case."));
        var model = await CaseModel.ForInstanceAsync(engine, task.InstanceId, ct);
        await RequireMayActAsync(actor, approvalCase, task, ct);

        var kind = model.KindOf(task.ElementId);
        if (action is not null && kind != action)
        {
            throw RefusedException.Conflict(L.T(
                $"任务“{task.Name}”不是{ActionText.Of(action.Value.Action())}任务，应通过“{ActionText.Of(kind.Action())}”办理。",
                $"Task {taskId} ({task.Name}) is not a task to {action.Value.Action()}; it is done with '{kind.Action()}'."));
        }
        var stepCode = model.StepCodeOf(task.ElementId);
        var step = approvalCase.Steps.SingleOrDefault(s => s.StepCode == stepCode);
        if (step is not null && (step.IsFinal || step.Status == StepStatus.Suspended))
        {
            throw RefusedException.Conflict(Ui.Shell.L.T(
                $"“{step.Name}”事项{Ui.Shell.StatusText.Of(step.Status.Term())}，不能再办理此任务。",
                $"The step '{step.Name}' is {Ui.Shell.StatusText.Of(step.Status.Term())}; its task cannot be done now."));
        }
        return new CaseTask(task, approvalCase, step, kind, model);
    }

    public async Task RequireMayActAsync(Actor actor, ApprovalCase approvalCase, TaskSnapshot task, CancellationToken ct)
    {
        if (await RefusalAsync(actor, approvalCase, task, ct) is { } refusal) throw refusal;
    }

    /// <summary>
    /// Why the caller may not act on the task, or null when it may (docs/security.md): the case's enterprise on the
    /// enterprise's tasks; an officer of one of the task's departments, in the case's county (any county for city-level
    /// officers). Another enterprise's or another county's case reads as missing.
    /// </summary>
    public async Task<RefusedException?> RefusalAsync(Actor actor, ApprovalCase approvalCase, TaskSnapshot task, CancellationToken ct) =>
        Refusal(await CallerScope.LoadAsync(db, actor, ct), approvalCase, task);

    /// <summary>The same rule for a caller already read (lists check many tasks against one caller).</summary>
    public static RefusedException? Refusal(CallerScope caller, ApprovalCase approvalCase, TaskSnapshot task)
    {
        var isEnterprise = caller.Is(AppRoles.Enterprise);
        if (isEnterprise && caller.EnterpriseId != approvalCase.EnterpriseId)
        {
            return RefusedException.NotFound(Ui.Shell.L.T("该任务不存在或您无权查看。", $"Task {task.Id} does not exist."));
        }
        if (caller.Is(AppRoles.Officer) && !caller.SeesCounty(approvalCase.CountyCode))
        {
            return RefusedException.NotFound(Ui.Shell.L.T("该任务不存在或您无权查看。", $"Task {task.Id} does not exist."));
        }
        if (task.CandidateGroups.Contains(CaseModel.EnterpriseGroup))
        {
            return isEnterprise ? null : RefusedException.Forbidden(Ui.Shell.L.T($"任务“{task.Name}”由企业办理。", $"Task {task.Id} ({task.Name}) is the enterprise's to do."));
        }
        if (isEnterprise)
        {
            return RefusedException.Forbidden(Ui.Shell.L.T($"任务“{task.Name}”由审批部门办理，企业不能操作。",
                $"Task {task.Id} ({task.Name}) is a department's task; an enterprise cannot act on it."));
        }
        if (caller.OfficerDepartment is not { } department || !task.CandidateGroups.Contains(department))
        {
            return RefusedException.Forbidden(Ui.Shell.L.T(
                $"任务“{task.Name}”属于 {string.Join("、", task.CandidateGroups)}，只有该部门的工作人员可以办理。",
                $"Task {task.Id} ({task.Name}) belongs to {string.Join(", ", task.CandidateGroups)}; only an officer of that department may act on it."));
        }
        return null;
    }
}
