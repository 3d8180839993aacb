using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Notifications;
using ApprovalFlow.Web.Features.ProjectLists;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// Keeps an approval case and its steps current inside every transition of its instance, whatever moved the engine:
/// an approval command, a timer, a message, a send back, a cancel, a migration (ADR 0010). It reads only the model's
/// roles (workflows/README.md, "Approval roles"): a step's open tasks by <c>af:role</c>, and the <c>af:marks</c> of the
/// elements the transition passed. Every change goes through <see cref="ApprovalStep.MoveTo"/>, so the status history
/// is complete; a step in a final status, or suspended for missing materials, never moves here. Runs in the
/// transition's transaction: if it fails, the transition did not happen.
/// </summary>
public sealed class StepKeeper(AppDbContext db, WorkflowEngine engine, CaseTransitionContext context, CaseNews news) : ITransitionObserver
{
    /// <summary>Who the step history names when no person moved the engine (a timer, a signal).</summary>
    public const string SystemActor = "system";

    public async Task OnTransitionAsync(TransitionReport report, CancellationToken ct)
    {
        if (!report.MovedAnything) return;
        var approvalCase = await db.Set<ApprovalCase>().Include(c => c.Steps).ThenInclude(s => s.Pauses)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.InstanceId == report.InstanceId, ct);
        var model = await CaseModel.LoadAsync(engine, report.DefinitionId, ct);
        if (approvalCase is null)
        {
            if (!report.Started || context.TakeStart() is not { } create) return;
            approvalCase = create(report, model);
            db.Add(approvalCase);
        }
        if (approvalCase.DefinitionVersion != report.Version || approvalCase.DefinitionKey != report.DefinitionKey)
            approvalCase.FollowVersion(report.DefinitionKey, report.Version);

        var actor = report.Actor ?? SystemActor;
        var (noteStep, note) = context.TakeNote();
        var reached = report.Events.Where(e => e.Reached).ToList();
        var moves = new List<CaseNews.StepMove>();
        foreach (var step in approvalCase.Steps)
        {
            if (step.IsFinal || step.Status == StepStatus.Suspended) continue;
            if (StatusOf(step.StepCode, report, reached, model) is { } to && to != step.Status)
            {
                var stepNote = step.StepCode == noteStep || noteStep is null ? note : null;
                moves.Add(new CaseNews.StepMove(step, step.Status, to, stepNote));
                step.MoveTo(to, report.At, actor, stepNote);
            }
        }
        // A case whose instance was cancelled or terminated withdraws every step still open (案件终止).
        if (report.Ended && report.Status != "completed")
        {
            foreach (var step in approvalCase.Steps.Where(s => s.IsOpen)) step.MoveTo(StepStatus.Withdrawn, report.At, actor, note);
        }

        db.AddRange(PledgeCoveredSteps.Apply(approvalCase, reached, actor, report.At));
        await ReserveProjectPromotion.ApplyAsync(db, approvalCase, report.At, ct);
        await ConfirmedStartMove.ApplyAsync(db, approvalCase, report, model, ct);
        if (approvalCase.Status == ApprovalCaseStatus.Running && report.Ended)
            approvalCase.End(report.Status == "completed" ? ApprovalCaseStatus.Completed : ApprovalCaseStatus.Terminated, report.At);
        // The tasks this transition opened (a task's element started in it), for their departments' officers; not those
        // the officer who completed the step's previous task holds (StepHand).
        var started = report.Events.Where(e => e.Event == "started").Select(e => e.ElementId).ToHashSet();
        var completed = report.Events.Where(e => e.Event == "completed")
            .Select(e => (Step: e.Extensions.GetValueOrDefault(ApprovalRoles.StepCode), Role: ApprovalRoles.RoleOf(e.Extensions))).ToList();
        var opened = report.OpenTasks.Where(t => started.Contains(t.ElementId)
            && !completed.Any(c => c.Step is not null && c.Step == t.Extensions.GetValueOrDefault(ApprovalRoles.StepCode)
                && StepHand.Holds(c.Role, ApprovalRoles.RoleOf(t.Extensions)))).ToList();
        await news.TransitionAsync(approvalCase, moves, opened, report.At, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Where the step stands after the transition, or null when the transition did not touch it.</summary>
    private static StepStatus? StatusOf(string code, TransitionReport report, List<ElementEvent> reached, CaseModel model)
    {
        var open = report.OpenTasks.Where(t => t.Extensions.GetValueOrDefault(ApprovalRoles.StepCode) == code)
            .Select(t => ApprovalRoles.RoleOf(t.Extensions)).ToList();
        if (open.Contains(TaskRole.Resubmit) || open.Contains(TaskRole.SignPledge)) return StepStatus.ReturnedForCorrection;
        if (open.Contains(TaskRole.Decide))
            // A one-task step (the pledge system's) is under review until it is decided.
            return model.StepHasRole(code, TaskRole.Review) ? StepStatus.AwaitingDecision : StepStatus.UnderReview;
        if (open.Contains(TaskRole.Review)) return StepStatus.UnderReview;
        if (open.Contains(TaskRole.Accept) || open.Contains(TaskRole.Register)) return StepStatus.AwaitingAcceptance;

        var marks = reached.Where(e => e.Extensions.GetValueOrDefault(ApprovalRoles.StepCode) == code)
            .Select(e => e.Extensions.GetValueOrDefault(ApprovalRoles.Marks)).Where(m => m is not null).ToHashSet();
        if (marks.Contains(StepMarks.Effective)) return StepStatus.Approved;
        if (marks.Contains(StepMarks.Lapsed)) return StepStatus.Lapsed;
        if (marks.Contains(StepMarks.Rejected)) return StepStatus.Rejected;
        if (marks.Contains(StepMarks.ReplacedByPledge)) return StepStatus.ReplacedByPledge;
        if (WaitsVirtuallyApproved(code, report, model)) return StepStatus.VirtuallyApproved;
        if (marks.Contains(StepMarks.Approved)) return StepStatus.Approved;

        // A step without markers (the pledge system's one-task steps) is decided by its decide task.
        if (!model.StepHasMarks(code) && model.DecisionOf(code) is { } decision
            && reached.Any(e => e.ElementId == decision.Id && e.Event == "completed"))
        {
            return decision.Extensions.TryGetValue(ApprovalRoles.ApprovedVariable, out var variable)
                && report.Variables[variable]?.GetValue<bool>() == false ? StepStatus.Rejected : StepStatus.Approved;
        }
        // Not reached yet, or never (revocation when the pledge was kept): it stays as it was.
        return null;
    }

    /// <summary>The step's approved token waits at its <c>virtually-approved</c> element for the land result.</summary>
    private static bool WaitsVirtuallyApproved(string code, TransitionReport report, CaseModel model)
    {
        if (!model.WaitingPointsOf(code, report.ActiveElementIds).Any()) return false;
        var variable = model.DecisionOf(code)?.Extensions.GetValueOrDefault(ApprovalRoles.OutcomeVariable);
        return variable is not null && report.Variables[variable]?.GetValue<string>() == "approve";
    }
}
