using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Access;
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
        var caller = await CallerScope.LoadAsync(db, actor, ct);
        if (caller.OfficerDepartment is { } department)
        {
            group = department;
            cases = caller.County is { Length: > 0 } county
                ? db.Set<ApprovalCase>().Where(c => c.CountyCode == county)
                : db.Set<ApprovalCase>();
        }
        else if (caller.OwnEnterprise is { } enterpriseId)
        {
            group = CaseModel.EnterpriseGroup;
            cases = db.Set<ApprovalCase>().Where(c => c.EnterpriseId == enterpriseId);
        }
        else
        {
            return [];
        }

        // The engine's open tasks of the group (oldest first, at most 1,000), then, in two set-based reads, the few
        // columns of their cases, projects and steps that the list shows.
        var tasks = await engine.ListOpenTasksAsync(new TaskQuery(CandidateGroup: group), ct);
        var instanceIds = tasks.Select(t => t.InstanceId).Distinct().ToList();
        var caseRows = await (
                from c in cases
                where instanceIds.Contains(c.InstanceId)
                join p in db.Set<Project>() on c.ProjectId equals p.Id
                select new { c.Id, c.InstanceId, c.DefinitionKey, c.DefinitionVersion, ProjectCode = p.Code, ProjectName = p.Name })
            .AsNoTracking()
            .ToDictionaryAsync(c => c.InstanceId, ct);
        var caseIds = caseRows.Values.Select(c => c.Id).ToList();
        var steps = (await db.Set<ApprovalStep>().AsNoTracking()
                .Where(s => caseIds.Contains(s.CaseId))
                .Select(s => new { s.CaseId, s.StepCode, s.Status, s.DueAt })
                .ToListAsync(ct))
            .ToDictionary(s => (s.CaseId, s.StepCode));
        var models = new Dictionary<string, CaseModel>();
        var result = new List<MyTask>(tasks.Count);
        foreach (var task in tasks)
        {
            if (!caseRows.TryGetValue(task.InstanceId, out var approvalCase)) continue;
            var modelKey = approvalCase.DefinitionKey + "@" + approvalCase.DefinitionVersion;
            if (!models.TryGetValue(modelKey, out var model))
            {
                model = await CaseModel.ForInstanceAsync(engine, task.InstanceId, ct);
                models[modelKey] = model;
            }
            var stepCode = model.StepCodeOf(task.ElementId);
            var step = stepCode is null ? null : steps.GetValueOrDefault((approvalCase.Id, stepCode));
            result.Add(new MyTask(task.Id, task.ElementId, task.Name, model.ActionOf(task.ElementId), approvalCase.Id,
                approvalCase.ProjectCode.Value, approvalCase.ProjectName, stepCode, step?.Status.Term(), task.CreatedAt.AsUtc(),
                (step?.DueAt ?? task.DueAt).AsUtc(), task.Assignee));
        }
        return [.. result.OrderBy(t => t.DueAt ?? DateTime.MaxValue).ThenBy(t => t.CreatedAt)];
    }
}
