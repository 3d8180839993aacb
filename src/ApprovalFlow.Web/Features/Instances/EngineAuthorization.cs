using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Access;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Instances;

/// <summary>
/// Who may do what with an engine task or instance through the generic engine routes (docs/security.md).
/// <list type="bullet">
/// <item>An approval case's task or instance follows the approval rules: it is seen by whoever may see the case
/// (<see cref="CaseVisibility"/>) and acted on only through the approval commands — a generic write is refused with
/// 409 naming the approval route; comments and attachments by whoever may act on the task
/// (<see cref="CaseTaskAccess"/>).</item>
/// <item>A plain process's task: an administrator, its assignee, owner or candidate user, or an officer of one of its
/// candidate groups (the department read from the database). Its instance: whoever may work on one of its open tasks
/// or acted in it.</item>
/// </list>
/// </summary>
public sealed class EngineAuthorization(AppDbContext db, WorkflowEngine engine) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var operation in context.PendingRequirements.OfType<EngineOperation>().ToList())
        {
            if (context.Resource is not (TaskSnapshot or InstanceSnapshot)) continue;
            if (await RefusalAsync(Actor.From(context.User), context.Resource, operation) is { } refusal) context.Fail(refusal);
            else context.Succeed(operation);
        }
    }

    /// <summary>Why the actor may not do <paramref name="operation"/> on the task or instance, or null when it may.</summary>
    public async Task<AccessRefusal?> RefusalAsync(Actor? actor, object resource, EngineOperation operation)
    {
        if (actor is null) return Refuse(StatusCodes.Status403Forbidden, NoCaller);
        return resource switch
        {
            TaskSnapshot task => await TaskRefusalAsync(actor, task, operation),
            InstanceSnapshot instance => await InstanceRefusalAsync(actor, instance, operation),
            _ => Refuse(StatusCodes.Status403Forbidden, NoCaller),
        };
    }

    /// <summary>For use cases: throws the refusal as the pipeline's <see cref="RefusedException"/>.</summary>
    public async Task RequireAsync(Actor actor, object resource, EngineOperation operation)
    {
        if (await RefusalAsync(actor, resource, operation) is { } refusal)
        {
            throw new RefusedException(refusal.Status, RefusedException.TitleOf(refusal.Status), refusal.Message);
        }
    }

    /// <summary>The task, if the actor may do <paramref name="operation"/> on it; otherwise the refusal, thrown.</summary>
    public async Task<TaskSnapshot> RequireTaskAsync(Actor actor, Guid taskId, EngineOperation operation, CancellationToken ct)
    {
        var task = await engine.GetTaskAsync(taskId, ct)
            ?? throw RefusedException.NotFound(L.T("该任务不存在或您无权查看。", $"Task {taskId} does not exist."));
        await RequireAsync(actor, task, operation);
        return task;
    }

    /// <summary>The instance, if the actor may do <paramref name="operation"/> on it; otherwise the refusal, thrown.</summary>
    public async Task<InstanceSnapshot> RequireInstanceAsync(Actor actor, Guid instanceId, EngineOperation operation, CancellationToken ct)
    {
        var instance = await engine.GetInstanceAsync(instanceId, ct)
            ?? throw RefusedException.NotFound(L.T("该流程实例不存在或您无权查看。", $"Process instance {instanceId} does not exist."));
        await RequireAsync(actor, instance, operation);
        return instance;
    }

    private async Task<AccessRefusal?> TaskRefusalAsync(Actor actor, TaskSnapshot task, EngineOperation operation)
    {
        var approvalCase = await CaseOfAsync(task.InstanceId);
        // The approval action that does the task, named in the refusal of a generic write (its role, read from the model).
        var action = approvalCase is null || operation != EngineOperation.Work ? null
            : (await CaseModel.ForInstanceAsync(engine, task.InstanceId, default)).ActionOf(task.ElementId);
        return TaskRefusal(await CallerScope.LoadAsync(db, actor, default), approvalCase, task, operation, action);
    }

    /// <summary>
    /// The open tasks the actor may see, read with one query for the caller and one for the approval cases, then each
    /// judged by the same rule as one task's route.
    /// </summary>
    public async Task<IReadOnlyList<TaskSnapshot>> SeeableAsync(Actor actor, IReadOnlyList<TaskSnapshot> tasks, CancellationToken ct)
    {
        var caller = await CallerScope.LoadAsync(db, actor, ct);
        var instanceIds = tasks.Select(t => t.InstanceId).Distinct().ToList();
        var cases = await db.Set<ApprovalCase>().AsNoTracking().Where(c => instanceIds.Contains(c.InstanceId)).ToDictionaryAsync(c => c.InstanceId, ct);
        return [.. tasks.Where(t => TaskRefusal(caller, cases.GetValueOrDefault(t.InstanceId), t, EngineOperation.See) is null)];
    }

    private AccessRefusal? TaskRefusal(CallerScope caller, ApprovalCase? approvalCase, TaskSnapshot task, EngineOperation operation, string? action = null)
    {
        if (approvalCase is null)
        {
            return caller.IsAdministrator || MayWorkOnPlain(caller, task)
                ? null
                : Refuse(StatusCodes.Status403Forbidden, L.T(
                    $"任务“{task.Name}”属于{Describe(task)}；只有该部门的工作人员、其办理人或管理员可以操作。",
                    $"Task '{task.Name}' is for {Describe(task)}; only its department's officers, its assignee or an administrator may act on it."));
        }
        if (!caller.IsAdministrator && CaseTaskAccess.Refusal(caller, approvalCase, task) is { } refused)
        {
            return Refuse(refused.Status, refused.Message);
        }
        if (operation == EngineOperation.Work)
        {
            var route = action is "confirm-start"
                ? $"POST /api/cases/{approvalCase.Id}/confirm-start"
                : $"POST /api/tasks/{task.Id}/{action}";
            return Refuse(StatusCodes.Status409Conflict, L.T(
                $"任务“{task.Name}”属于审批案件，须通过审批操作办理：签收用 POST /api/case-tasks/{task.Id}/claim，办理用 {route}。通用引擎接口不改动审批案件。",
                $"Task '{task.Name}' belongs to an approval case: claim it with POST /api/case-tasks/{task.Id}/claim and do it with {route}. The generic engine routes do not change approval cases."));
        }
        return caller.IsAdministrator && operation == EngineOperation.Annotate
            ? Refuse(StatusCodes.Status403Forbidden, L.T("审批案件任务的意见和材料由办理该任务的一方添加。",
                "Comments and files on an approval case's task are added by whoever does the task."))
            : null;
    }

    private async Task<AccessRefusal?> InstanceRefusalAsync(Actor actor, InstanceSnapshot instance, EngineOperation operation)
    {
        var approvalCase = await CaseOfAsync(instance.Id);
        if (approvalCase is not null)
        {
            var visible = await (await db.CasesVisibleToAsync(engine, actor, default)).AnyAsync(c => c.Id == approvalCase.Id);
            if (!visible) return Refuse(StatusCodes.Status404NotFound, L.T("该流程实例不存在或您无权查看。", $"Process instance {instance.Id} does not exist."));
            return operation == EngineOperation.See
                ? null
                : Refuse(StatusCodes.Status409Conflict, L.T(
                    $"这是审批案件的流程实例，须通过审批操作处理（终止案件：管理员用 POST /api/cases/{approvalCase.Id}/terminate；暂停计时：POST /api/steps/{{id}}/pause；退回补正：POST /api/tasks/{{id}}/decide）。通用引擎接口不改动审批案件。",
                    $"This instance runs an approval case: use the approval routes (terminate: POST /api/cases/{approvalCase.Id}/terminate, administrators; pause a step's clock: POST /api/steps/{{id}}/pause; return for correction: POST /api/tasks/{{id}}/decide). The generic engine routes do not change approval cases."));
        }
        if (actor.IsAdministrator) return null;
        var caller = await CallerScope.LoadAsync(db, actor, default);
        var tasks = await engine.ListOpenTasksAsync(new TaskQuery(InstanceId: instance.Id));
        if (tasks.Any(t => MayWorkOnPlain(caller, t))) return null;
        // A case that has ended changes nothing whoever asks (the route answers 409); who acted in it may still read it.
        if (operation == EngineOperation.Work && instance.Status != "running") return null;
        if (operation == EngineOperation.See && (await engine.GetHistoryAsync(instance.Id)).Any(h => h.Actor == actor.Name)) return null;
        return Refuse(StatusCodes.Status403Forbidden, L.T(
            $"流程实例 {instance.Id} 没有您所在部门的待办任务；只有其办理部门的工作人员或管理员可以操作。",
            $"Process instance {instance.Id} has no open task of your department; only its officers or an administrator may operate on it."));
    }

    /// <summary>A plain process's task: its assignee, owner or candidate user, or an officer of one of its candidate groups.</summary>
    public static bool MayWorkOnPlain(CallerScope caller, TaskSnapshot task)
    {
        var name = caller.Actor.Name;
        if (task.Assignee == name || task.Owner == name || task.CandidateUsers.Contains(name)) return true;
        return caller.OfficerDepartment is { } department && task.CandidateGroups.Contains(department);
    }

    private Task<ApprovalCase?> CaseOfAsync(Guid instanceId) =>
        db.Set<ApprovalCase>().AsNoTracking().SingleOrDefaultAsync(c => c.InstanceId == instanceId);

    private AccessRefusal Refuse(int status, string message) => new(this, status, message);

    private static string NoCaller => L.T("调用者没有可记录的用户名。", "The caller has no user name to act with.");

    private static string Describe(TaskSnapshot task) =>
        task.CandidateGroups.Count > 0 ? string.Join("、", task.CandidateGroups) : task.Assignee ?? L.T("其办理人", "its assignee");
}
