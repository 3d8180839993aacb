using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Lights;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>A case's full state; a case the caller may not see reads as missing.</summary>
public sealed record GetCase(Actor Actor, Guid Id) : IQuery<CaseResponse>;

public sealed class GetCaseHandler(AppDbContext db, WorkflowEngine engine, CaseTaskAccess access, SubjectLights lights, TimeProvider clock)
    : IQueryHandler<GetCase, CaseResponse>
{
    public async ValueTask<CaseResponse> Handle(GetCase query, CancellationToken ct)
    {
        var approvalCase = await (await db.CasesVisibleToAsync(engine, query.Actor, ct))
            .Include(c => c.Steps).ThenInclude(s => s.Changes)
            .Include(c => c.Steps).ThenInclude(s => s.Pauses)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == query.Id, ct)
            ?? throw RefusedException.NotFound(Ui.Shell.L.T("该案件不存在或您无权查看。", $"Case {query.Id} does not exist."));
        var project = await db.Set<Project>().AsNoTracking().SingleAsync(p => p.Id == approvalCase.ProjectId, ct);
        var instance = await engine.GetInstanceAsync(approvalCase.InstanceId, ct);
        var model = await CaseModel.LoadAsync(engine, instance!.DefinitionId, ct);
        var tasks = await engine.ListOpenTasksAsync(new TaskQuery(InstanceId: approvalCase.InstanceId), ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var openTasks = new List<CaseTaskResponse>();
        foreach (var task in tasks)
        {
            var role = model.RoleOf(task.ElementId);
            var mayAct = await access.RefusalAsync(query.Actor, approvalCase, task, ct) is null;
            var action = role.Action();
            IReadOnlyList<string> actions = !mayAct || role == TaskRole.None ? []
                : task.CandidateGroups.Contains(CaseModel.EnterpriseGroup) ? [action]
                : ["claim", action];
            var verification = role == TaskRole.VerifyPledge ? lights.OfVerification(task.CreatedAt, now) : null;
            openTasks.Add(new CaseTaskResponse(task.Id, task.ElementId, task.Name, model.StepCodeOf(task.ElementId), task.CandidateGroups,
                task.Assignee, task.CreatedAt.AsUtc(), task.DueAt.AsUtc() ?? verification?.DueAt.AsUtc(), actions,
                verification?.Light.Term(), verification?.WorkingDaysLeft)
            {
                Role = model.Element(task.ElementId)?.Extensions.GetValueOrDefault(ApprovalRoles.Role),
                Outcomes = role is TaskRole.Decide or TaskRole.Revoke && model.Element(task.ElementId) is { } decision
                    ? DecisionOutcomes.Allowed(decision, approvalCase.Steps.SingleOrDefault(s => s.StepCode == model.StepCodeOf(task.ElementId)), approvalCase.Mode)
                    : [],
            });
        }

        return new CaseResponse(approvalCase.Id, project.Id, project.Code.Value, project.Name, approvalCase.EnterpriseId,
            approvalCase.Mode.Term(), approvalCase.Status.Term(), approvalCase.InstanceId, approvalCase.DefinitionKey,
            approvalCase.DefinitionVersion, approvalCase.StartedAt.AsUtc(), approvalCase.StartedBy, approvalCase.EndedAt.AsUtc(),
            approvalCase.Steps.OrderBy(s => model.Steps.ToList().FindIndex(d => d.StepCode == s.StepCode))
                .Select(s => Step(s, lights.OfStep(s, now)) with { Awaits = AwaitedBy(s, approvalCase, instance.ActiveElementIds, model) }).ToList(),
            openTasks);
    }

    /// <summary>What a waiting step still waits for: the steps its waiting element names (af:awaits) that are not approved yet.</summary>
    private static IReadOnlyList<string> AwaitedBy(ApprovalStep step, ApprovalCase approvalCase, IReadOnlyList<string> active, CaseModel model)
    {
        if (step.Status != StepStatus.VirtuallyApproved) return [];
        var awaits = model.WaitingPointsOf(step.StepCode, active)
            .SelectMany(e => e.Extensions.GetValueOrDefault(ApprovalRoles.Awaits, "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return [.. awaits.Distinct().Where(code => approvalCase.Steps.SingleOrDefault(s => s.StepCode == code) is not { Status: StepStatus.Approved or StepStatus.ReplacedByPledge })];
    }

    private static StepResponse Step(ApprovalStep s, LightReading? light) => new(
        s.Id, s.StepCode, s.Name, s.Department, s.Status.Term(), s.TimeLimitDays, s.ToleratedGapAllowed, s.PledgeReplaceable,
        s.VirtualApprovalAllowed, s.AcceptedAt.AsUtc(), s.DueAt.AsUtc(), s.ClockPausedAt is not null, s.ClockPausedAt.AsUtc(), s.ResultIssued,
        s.DecidedAt.AsUtc(), s.EffectiveAt.AsUtc(),
        s.Changes.OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => new StepChangeResponse(c.From.Term(), c.To.Term(), c.At.AsUtc(), c.Actor, c.Note)).ToList(),
        s.Pauses.OrderBy(p => p.PausedAt).Select(p => new StepPauseResponse(p.PausedAt.AsUtc(), p.ResumedAt.AsUtc(), p.Actor, p.Reason)).ToList(),
        light?.Light.Term(), light?.WorkingDaysLeft);
}
