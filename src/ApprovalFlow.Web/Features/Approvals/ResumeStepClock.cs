using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Notifications;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>The department restarts the step's clock; the due date moves by the working days it stood still.</summary>
public sealed record ResumeStepClock(Actor Actor, Guid StepId) : ICommand<StepResponse>, IAuditedCommand
{
    public string SubjectType => "step";

    public string? SubjectId => StepId.ToString();
}

public sealed class ResumeStepClockHandler(AppDbContext db, WorkflowEngine engine, StepClock stepClock, TimeProvider clock, CaseNews news, ISender sender)
    : ICommandHandler<ResumeStepClock, StepResponse>
{
    public async ValueTask<StepResponse> Handle(ResumeStepClock command, CancellationToken ct)
    {
        var step = await db.StepForDepartmentOfficerAsync(command.Actor, command.StepId, ct);
        if (step.ClockPausedAt is null) throw RefusedException.Conflict(L.T($"“{step.Name}”环节未暂停计时。", $"The clock of step {step.StepCode} is not paused."));
        var now = clock.GetUtcNow().UtcDateTime;
        step.ResumeClock(now);
        step.SetDueAt(stepClock.DueAt(step));
        await news.ClockAsync(step, paused: false, null, now, ct);
        var stepId = step.Id;
        var stepCode = step.StepCode;
        var dueAt = step.DueAt;
        // Saved before the engine's transition, which clears the change tracker.
        await db.SaveChangesAsync(ct);

        // The department's open task of the step shows the same due date as the step.
        var caseId = step.CaseId;
        var instanceId = await db.Set<ApprovalCase>().Where(c => c.Id == caseId).Select(c => c.InstanceId).SingleAsync(ct);
        var model = await CaseModel.ForInstanceAsync(engine, instanceId, ct);
        foreach (var task in await engine.ListOpenTasksAsync(new TaskQuery(InstanceId: instanceId), ct))
        {
            if (model.StepCodeOf(task.ElementId) == stepCode && !task.CandidateGroups.Contains(CaseModel.EnterpriseGroup)
                && dueAt is { } due && (task.FollowUpAt is null || task.FollowUpAt <= due))
            {
                await engine.SetDatesAsync(task.Id, due, task.FollowUpAt, command.Actor.Name, ct);
            }
        }
        return await sender.Send(new GetStep(command.Actor, stepId), ct);
    }
}
