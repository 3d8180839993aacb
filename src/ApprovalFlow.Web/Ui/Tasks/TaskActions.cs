using ApprovalFlow.Web.Features.Approvals;

namespace ApprovalFlow.Web.Ui.Tasks;

/// <summary>
/// The one place that decides which actions the task panel offers, from the state the domain reports: the task's
/// actions for the caller (<see cref="CaseTaskResponse.Actions"/>, already checked against role, department and
/// enterprise), the step and the case. It only narrows what the domain allows; the domain still checks every command.
/// </summary>
public static class TaskActions
{
    /// <summary>Tasks decided outside any step, and the outcomes their models take (see DecideStep).</summary>
    private static readonly IReadOnlyDictionary<string, TaskAction[]> CaseLevelDecisions = new Dictionary<string, TaskAction[]>
    {
        ["checkLandAndFiling"] = [TaskAction.Approve, TaskAction.Reject],
        ["startConstruction"] = [TaskAction.Approve],
        ["combinedAcceptance"] = [TaskAction.Approve],
        ["revokeAndRecordCredit"] = [TaskAction.Approve],
    };

    public static IReadOnlyList<TaskAction> For(CaseTaskResponse task, StepResponse? step, string caseMode, string? userName)
    {
        var allowed = new List<TaskAction>();
        var offered = task.Actions;
        if (offered.Count == 0) return allowed;

        if (offered.Contains("claim") && task.Assignee is null) allowed.Add(TaskAction.Claim);

        foreach (var action in offered)
        {
            switch (action)
            {
                case "accept":
                    allowed.Add(TaskAction.Accept);
                    if (step is { ToleratedGapAllowed: true, TimeLimitDays: not null }) allowed.Add(TaskAction.AcceptWithGap);
                    break;
                case "review":
                    allowed.Add(TaskAction.Review);
                    break;
                case "decide" when CaseLevelDecisions.TryGetValue(task.ElementId, out var outcomes):
                    allowed.AddRange(outcomes);
                    break;
                case "decide":
                    allowed.AddRange([TaskAction.Approve, TaskAction.Reject, TaskAction.ReturnForCorrection]);
                    if (step is { PledgeReplaceable: true } && caseMode == "pledgeSystem") allowed.Add(TaskAction.ReplaceByPledge);
                    break;
                case "resubmit":
                    allowed.Add(TaskAction.Resubmit);
                    break;
                case "sign-pledge":
                    allowed.Add(TaskAction.SignPledge);
                    break;
                case "verify-pledge":
                    allowed.Add(TaskAction.VerifyPledge);
                    break;
                case "confirm-start":
                    allowed.Add(TaskAction.ConfirmStart);
                    break;
            }
        }

        // The clock runs from acceptance until the decision (PauseStepClock); only the department, who may act here, stops it.
        var officerTask = offered.Contains("claim");
        if (officerTask && step is { AcceptedAt: not null, Status: "underReview" or "awaitingDecision" })
            allowed.Add(step.Paused ? TaskAction.ResumeClock : TaskAction.PauseClock);
        return allowed;
    }
}
