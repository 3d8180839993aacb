using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.ProjectLists;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// Brings a case's steps in line with the engine after a call that moved the instance: the open tasks of each step
/// (by af:stepCode) and the markers its token passed (workflows/README.md). Every change goes through
/// <see cref="ApprovalStep.MoveTo"/>, so the status history is complete; the case ends when its instance ends.
/// </summary>
public sealed class CaseSynchronizer(WorkflowEngine engine, AppDbContext db)
{
    public async Task SyncAsync(ApprovalCase approvalCase, CaseModel model, string actor, DateTime now, CancellationToken ct, string? note = null,
        string? noteForStep = null)
    {
        var instance = await engine.GetInstanceAsync(approvalCase.InstanceId, ct)
            ?? throw new InvalidOperationException($"Case {approvalCase.Id} has no instance {approvalCase.InstanceId}.");
        var tasks = await engine.ListOpenTasksAsync(new TaskQuery(InstanceId: approvalCase.InstanceId), ct);
        var visits = await engine.GetElementHistoryAsync(approvalCase.InstanceId, ct);
        var passed = visits.Select(v => v.ElementId).ToHashSet();
        var active = instance.ActiveElementIds.ToHashSet();

        foreach (var step in approvalCase.Steps)
        {
            // A suspended step waits for its missing materials (SupplyMaterial resumes it); a final one never moves.
            if (step.IsFinal || step.Status == StepStatus.Suspended) continue;
            var openKinds = tasks.Where(t => model.StepCodeOf(t.ElementId) == step.StepCode).Select(t => CaseTaskKinds.Of(t.ElementId)).ToList();
            var status = StatusOf(step, openKinds, passed, active, instance, model);
            if (status is { } to && to != step.Status)
            {
                step.MoveTo(to, now, actor, step.StepCode == noteForStep ? note : null);
            }
        }

        db.AddRange(PledgeCoveredSteps.Apply(approvalCase, model, passed, actor, now));
        await ReserveProjectPromotion.ApplyAsync(db, approvalCase, now, ct);

        if (approvalCase.Status == ApprovalCaseStatus.Running && instance.Status != "running")
        {
            approvalCase.End(instance.Status == "completed" ? ApprovalCaseStatus.Completed : ApprovalCaseStatus.Terminated, now);
        }
    }

    private static StepStatus? StatusOf(ApprovalStep step, List<CaseTaskKind> open, HashSet<string> passed, HashSet<string> active,
        InstanceSnapshot instance, CaseModel model)
    {
        var code = step.StepCode;
        if (open.Contains(CaseTaskKind.Resubmit)) return StepStatus.ReturnedForCorrection;
        if (open.Contains(CaseTaskKind.Decide))
        {
            // A one-task step (the pledge system's) is under review until it is decided.
            return model.Elements.ContainsKey(code + "Review") ? StepStatus.AwaitingDecision : StepStatus.UnderReview;
        }
        if (open.Contains(CaseTaskKind.Review)) return StepStatus.UnderReview;
        if (open.Contains(CaseTaskKind.Accept)) return StepStatus.AwaitingAcceptance;

        if (passed.Contains(code + "Effective")) return StepStatus.Approved;
        if (passed.Contains(code + "Lapsed")) return StepStatus.Lapsed;
        if (passed.Contains(code + "Rejected")) return StepStatus.Rejected;
        if (passed.Contains(code + "Pledged")) return StepStatus.ReplacedByPledge;
        if (active.Contains(code + "AwaitLand") && Outcome(instance, code) == "approve") return StepStatus.VirtuallyApproved;
        if (passed.Contains(code + "Approved")) return StepStatus.Approved;

        // The pledge system's one-task steps carry no markers: a completed task is the step's decision.
        var ownTasks = model.Elements.Values.Where(e => e.ElementType == "userTask"
            && e.Extensions.GetValueOrDefault("stepCode") == code).Select(e => e.Id).ToList();
        if (ownTasks.Count == 1 && passed.Contains(ownTasks[0]) && !model.Elements.ContainsKey(code + "Decision"))
        {
            if (ownTasks[0] == "checkLandAndFiling")
            {
                return instance.Variables["pledgeEligible"]?.GetValue<bool>() == true ? StepStatus.Approved : StepStatus.Rejected;
            }
            return StepStatus.Approved;
        }
        // Not reached yet, or never (revocation when the pledge was kept): it stays as it was.
        return null;
    }

    private static string? Outcome(InstanceSnapshot instance, string stepCode) =>
        instance.Variables[stepCode + "Outcome"]?.GetValue<string>();
}
