using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>Completes a case task in the engine, then brings the case's steps in line with where the instance now stands.</summary>
public sealed class CaseTaskCompletion(AppDbContext db, WorkflowEngine engine, CaseSynchronizer synchronizer, ISender sender, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The engine saves and clears the change tracker in its transition, so the case is read again afterwards
    /// (ADR 0004: engine first, then the domain rows); <paramref name="then"/> changes the task's step after the move.
    /// </summary>
    public async Task<CaseResponse> CompleteAsync(Actor actor, CaseTask caseTask, JsonObject? variables, CancellationToken ct, string? note = null,
        Action<ApprovalStep, DateTime>? then = null)
    {
        await engine.CompleteTaskAsync(caseTask.Task.Id, variables, actor.Name, ct);
        var now = Now;
        var approvalCase = await db.Set<ApprovalCase>().Include(c => c.Steps).ThenInclude(s => s.Pauses)
            .SingleAsync(c => c.Id == caseTask.Case.Id, ct);
        var stepCode = caseTask.Step?.StepCode;
        if (then is not null && approvalCase.Steps.SingleOrDefault(s => s.StepCode == stepCode) is { } step) then(step, now);
        await synchronizer.SyncAsync(approvalCase, caseTask.Model, actor.Name, now, ct, note, stepCode);
        await db.SaveChangesAsync(ct);
        return await sender.Send(new GetCase(actor, approvalCase.Id), ct);
    }
}
