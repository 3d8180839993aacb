using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

public sealed record MyTask(
    Guid Id, string ElementId, string? Name, string Action, Guid CaseId, string ProjectCode, string ProjectName, string? StepCode,
    string? StepStatus, DateTime CreatedAt, DateTime? DueAt, string? Assignee);

/// <summary>The caller's work list (待办): an officer's department tasks, an enterprise's corrections and pledges, soonest due first.</summary>
public sealed record ListMyTasks(Actor Actor) : IQuery<MyTask[]>;

public sealed class ListMyTasksHandler(AppDbContext db, WorkflowEngine engine) : IQueryHandler<ListMyTasks, MyTask[]>
{
    public async ValueTask<MyTask[]> Handle(ListMyTasks query, CancellationToken ct)
    {
        var actor = query.Actor;
        IQueryable<ApprovalCase> cases;
        string group;
        if (actor.Roles.Contains(AppRoles.Officer) && await CaseTaskAccess.DepartmentOfAsync(db, actor, ct) is { } department)
        {
            group = department;
            cases = db.Set<ApprovalCase>();
        }
        else if (actor.Roles.Contains(AppRoles.Enterprise) && await db.EnterpriseOfAsync(actor.UserId, ct) is { } enterpriseId)
        {
            group = CaseModel.EnterpriseGroup;
            cases = db.Set<ApprovalCase>().Where(c => c.EnterpriseId == enterpriseId);
        }
        else
        {
            return [];
        }

        var tasks = await engine.ListOpenTasksAsync(new TaskQuery(CandidateGroup: group), ct);
        var instanceIds = tasks.Select(t => t.InstanceId).Distinct().ToList();
        var rows = await cases.Where(c => instanceIds.Contains(c.InstanceId)).Include(c => c.Steps).AsNoTracking().ToListAsync(ct);
        var projectIds = rows.Select(c => c.ProjectId).Distinct().ToList();
        var projects = await db.Set<Project>().AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var models = new Dictionary<string, CaseModel>();
        var result = new List<MyTask>();
        foreach (var task in tasks)
        {
            var approvalCase = rows.SingleOrDefault(c => c.InstanceId == task.InstanceId);
            if (approvalCase is null) continue;
            var modelKey = approvalCase.DefinitionKey + "@" + approvalCase.DefinitionVersion;
            if (!models.TryGetValue(modelKey, out var model))
            {
                model = await CaseModel.LoadAsync(engine, (await engine.GetInstanceAsync(task.InstanceId, ct))!.DefinitionId, ct);
                models[modelKey] = model;
            }
            var stepCode = model.StepCodeOf(task.ElementId);
            var step = approvalCase.Steps.SingleOrDefault(s => s.StepCode == stepCode);
            var project = projects[approvalCase.ProjectId];
            result.Add(new MyTask(task.Id, task.ElementId, task.Name, CaseTaskKinds.ActionOf(task.ElementId), approvalCase.Id, project.Code.Value,
                project.Name, stepCode, step?.Status.Term(), task.CreatedAt.AsUtc(), (step?.DueAt ?? task.DueAt).AsUtc(), task.Assignee));
        }
        return [.. result.OrderBy(t => t.DueAt ?? DateTime.MaxValue).ThenBy(t => t.CreatedAt)];
    }
}
