using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Gaps;
using ApprovalFlow.Web.Features.Lights;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.CaseDiagrams;

/// <summary>
/// What the case diagram (流程图) shows on one element: <see cref="State"/> <c>done</c> (passed), <c>waiting</c> (a token
/// or an open task is there) or <c>idle</c> (only marked because its step is suspended or has an open gap); the deadline's
/// light (<c>green</c>, <c>yellow</c>, <c>red</c>) and due date of a waiting task; its assignee; the open task and whether
/// the caller may act on it (and with which actions, as in the case response).
/// </summary>
public sealed record CaseDiagramElement(
    string ElementId,
    string? Name,
    string State,
    string? StepCode,
    string? StepStatus,
    string? Light,
    int? WorkingDaysLeft,
    DateTime? DueAt,
    string? Assignee,
    IReadOnlyList<string> CandidateGroups,
    Guid? TaskId,
    bool MayAct,
    IReadOnlyList<string> Actions,
    bool Suspended,
    bool OpenGap)
{
    /// <summary>The shape of a whole step (a sub-process with <c>af:stepCode</c>): it carries the step's status, light, deadline and assignee.</summary>
    public bool IsStep { get; init; }
}

public sealed record CaseDiagramResponse(
    Guid CaseId, Guid DefinitionId, string DefinitionKey, int DefinitionVersion, string Xml, IReadOnlyList<CaseDiagramElement> Elements)
{
    /// <summary>The departments named in the candidate groups, code → (Chinese name, English name), so people read names, not codes.</summary>
    public IReadOnlyDictionary<string, DepartmentName> Departments { get; init; } = new Dictionary<string, DepartmentName>();
}

/// <summary>A department's name in Chinese and English.</summary>
public sealed record DepartmentName(string Name, string NameEn);

/// <summary>
/// A case's definition version (its BPMN XML) with the state of each element, for the case diagram. Whoever may see the
/// case may see its diagram (the same visibility and task access as <see cref="GetCase"/>).
/// </summary>
public sealed record GetCaseDiagram(Actor Actor, Guid CaseId) : IQuery<CaseDiagramResponse>;

public sealed class GetCaseDiagramHandler(ISender sender, AppDbContext db, WorkflowEngine engine, LightRule lights, TimeProvider clock)
    : IQueryHandler<GetCaseDiagram, CaseDiagramResponse>
{
    public async ValueTask<CaseDiagramResponse> Handle(GetCaseDiagram query, CancellationToken ct)
    {
        var approvalCase = await sender.Send(new GetCase(query.Actor, query.CaseId), ct);
        var instance = await engine.GetInstanceAsync(approvalCase.InstanceId, ct)
            ?? throw RefusedException.NotFound(L.T("该案件的流程实例已不存在。", $"The process instance of case {query.CaseId} no longer exists."));
        var xml = await engine.GetDefinitionXmlAsync(instance.DefinitionId, ct) ?? "";
        var model = await CaseModel.LoadAsync(engine, instance.DefinitionId, ct);
        var visits = await engine.GetElementHistoryAsync(approvalCase.InstanceId, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        var steps = approvalCase.Steps.ToDictionary(s => s.StepCode);
        var stepIds = approvalCase.Steps.ToDictionary(s => s.Id, s => s.StepCode);
        var gapSteps = (await db.Set<ToleratedGap>().AsNoTracking()
                .Where(g => g.CaseId == query.CaseId && g.Status == GapStatus.Open)
                .Select(g => g.StepId).ToListAsync(ct))
            .Where(stepIds.ContainsKey).Select(id => stepIds[id]).ToHashSet();
        var suspendedSteps = approvalCase.Steps.Where(s => s.Status == StepStatus.Suspended.Term()).Select(s => s.StepCode).ToHashSet();

        var elements = new Dictionary<string, CaseDiagramElement>(StringComparer.Ordinal);
        foreach (var visit in visits.Where(v => v.EndedAt is not null))
        {
            elements[visit.ElementId] = Idle(visit.ElementId, model, steps) with { State = "done" };
        }
        foreach (var active in instance.ActiveElementIds.Distinct())
        {
            elements[active] = Idle(active, model, steps) with { State = "waiting", Suspended = instance.Suspended };
        }
        foreach (var task in approvalCase.OpenTasks)
        {
            var element = Idle(task.ElementId, model, steps);
            var step = task.StepCode is { } code ? steps.GetValueOrDefault(code) : null;
            var reading = Reading(task, step, now);
            elements[task.ElementId] = element with
            {
                Name = task.Name ?? element.Name,
                State = "waiting",
                Light = reading?.Light.ToString().ToLowerInvariant(),
                WorkingDaysLeft = reading?.WorkingDaysLeft,
                DueAt = reading?.DueAt ?? task.DueAt,
                Assignee = task.Assignee,
                CandidateGroups = task.CandidateGroups,
                TaskId = task.Id,
                MayAct = task.Actions.Count > 0,
                Actions = task.Actions,
                Suspended = instance.Suspended || (task.StepCode is { } s && suspendedSteps.Contains(s)),
            };
        }

        // Each step's own shape (a collapsed sub-process with af:stepCode) shows the step: its status, light, deadline and who holds it.
        foreach (var shape in model.Elements.Values.Where(e => e.ElementType == "subProcess"))
        {
            if (shape.Extensions.GetValueOrDefault(ApprovalRoles.StepCode) is not { } code || !steps.TryGetValue(code, out var step)) continue;
            var open = approvalCase.OpenTasks.Where(t => t.StepCode == code).ToList();
            var stepStatus = Enum.Parse<StepStatus>(step.Status, ignoreCase: true);
            elements[shape.Id] = Idle(shape.Id, model, steps) with
            {
                State = step.Status == StepStatus.AwaitingAcceptance.Term() && open.Count == 0 && !instance.ActiveElementIds.Contains(shape.Id) ? "idle"
                    : stepStatus.IsOpen() ? "waiting" : "done",
                // A decided step (also one approved and waiting for another step) has no deadline left to show, as in the steps table.
                Light = step.DecidedAt is null ? step.Light : null,
                WorkingDaysLeft = step.DecidedAt is null ? step.WorkingDaysLeft : null,
                DueAt = step.DecidedAt is null ? step.DueAt : null,
                Assignee = open.Select(t => t.Assignee).FirstOrDefault(a => a is not null),
                CandidateGroups = [.. open.SelectMany(t => t.CandidateGroups).Distinct()],
                Suspended = suspendedSteps.Contains(code),
                OpenGap = gapSteps.Contains(code),
                IsStep = true,
            };
        }

        // A suspended step or one with an open gap is marked where it waits, or else on the task that opened it.
        foreach (var code in suspendedSteps.Concat(gapSteps).Distinct())
        {
            var waiting = elements.Values.Where(e => e.StepCode == code && e.State == "waiting").Select(e => e.ElementId).ToList();
            if (waiting.Count == 0 && FirstTaskOf(model, code) is { } first)
            {
                waiting.Add(first);
                elements.TryAdd(first, Idle(first, model, steps));
            }
            foreach (var id in waiting)
            {
                elements[id] = elements[id] with
                {
                    Suspended = elements[id].Suspended || suspendedSteps.Contains(code),
                    OpenGap = gapSteps.Contains(code),
                };
            }
        }

        var groups = elements.Values.SelectMany(e => e.CandidateGroups).Distinct().ToList();
        var departments = await db.Set<Administration.Department>().AsNoTracking().Where(d => groups.Contains(d.Code))
            .ToDictionaryAsync(d => d.Code, d => new DepartmentName(d.Name, d.NameEn), ct);
        return new CaseDiagramResponse(approvalCase.Id, instance.DefinitionId, approvalCase.DefinitionKey, approvalCase.DefinitionVersion, xml,
            elements.Values.OrderBy(e => e.ElementId, StringComparer.Ordinal).ToList()) { Departments = departments };
    }

    private static CaseDiagramElement Idle(string elementId, CaseModel model, IReadOnlyDictionary<string, StepResponse> steps)
    {
        var code = model.StepCodeOf(elementId);
        return new CaseDiagramElement(elementId, model.Elements.TryGetValue(elementId, out var info) ? info.Name : null, "idle", code,
            code is not null && steps.TryGetValue(code, out var step) ? step.Status : null,
            null, null, null, null, [], null, false, [], false, false);
    }

    /// <summary>The light of a waiting task: its step's deadline (frozen while the clock is paused), else the task's own due date.</summary>
    private LightReading? Reading(CaseTaskResponse task, StepResponse? step, DateTime now)
    {
        var department = !task.CandidateGroups.Contains(CaseModel.EnterpriseGroup);
        if (department && step is { DueAt: { } stepDue })
        {
            return step.TimeLimitDays is { } limit
                ? lights.Read(stepDue, limit, now, step.PausedAt)
                : lights.Read(step.AcceptedAt ?? task.CreatedAt, stepDue, now);
        }
        return task.DueAt is { } due ? lights.Read(task.CreatedAt, due, now) : null;
    }

    private static string? FirstTaskOf(CaseModel model, string stepCode)
    {
        var tasks = model.TasksOf(stepCode).ToList();
        return (tasks.FirstOrDefault(t => ApprovalRoles.RoleOf(t.Extensions) == TaskRole.Accept) ?? tasks.FirstOrDefault())?.Id;
    }
}
