using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// Completes a case task in the engine; the <see cref="StepKeeper"/> brings the case's steps in line inside that
/// transition, with the command's opinion on the task's step.
/// </summary>
public sealed class CaseTaskCompletion(AppDbContext db, WorkflowEngine engine, CaseTransitionContext context, ISender sender, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary><paramref name="then"/> changes the task's step after the move (the steps are read again: the engine clears its tracker).</summary>
    public async Task<CaseResponse> CompleteAsync(Actor actor, CaseTask caseTask, JsonObject? variables, CancellationToken ct, string? note = null,
        Action<ApprovalStep, DateTime>? then = null)
    {
        var stepCode = caseTask.Step?.StepCode;
        context.Annotate(stepCode, note);
        await engine.CompleteTaskAsync(caseTask.Task.Id, variables, actor.Name, ct);
        await KeepInOneHandAsync(actor, caseTask, ct);
        if (then is not null)
        {
            var step = await db.Set<ApprovalStep>().Include(s => s.Pauses)
                .SingleOrDefaultAsync(s => s.CaseId == caseTask.Case.Id && s.StepCode == stepCode, ct);
            if (step is not null) then(step, Now);
            await db.SaveChangesAsync(ct);
        }
        return await sender.Send(new GetCase(actor, caseTask.Case.Id), ct);
    }

    /// <summary>The step's next department task, now open and nobody's, is claimed for the officer (<see cref="StepHand"/>).</summary>
    private async Task KeepInOneHandAsync(Actor actor, CaseTask caseTask, CancellationToken ct)
    {
        var completed = caseTask.Model.RoleOf(caseTask.Task.ElementId);
        if (caseTask.Step is not { } step) return;
        foreach (var next in await engine.ListOpenTasksAsync(new TaskQuery(InstanceId: caseTask.Task.InstanceId), ct))
        {
            if (next.Assignee is null && caseTask.Model.StepCodeOf(next.ElementId) == step.StepCode
                && next.CandidateGroups.SequenceEqual(caseTask.Task.CandidateGroups)
                && StepHand.Holds(completed, caseTask.Model.RoleOf(next.ElementId)))
                await engine.ClaimAsync(next.Id, actor.Name, ct);
        }
    }
}
