using ApprovalFlow.Web.Features.Approvals;

namespace ApprovalFlow.Web.Ui.Tasks;

/// <summary>
/// The one place that decides which actions the task panel offers, from the state the domain reports: the task's
/// actions for the caller (<see cref="CaseTaskResponse.Actions"/>, already checked against role, department and
/// enterprise), the step and the case. It only narrows what the domain allows; the domain still checks every command.
/// </summary>
public static class TaskActions
{
    public static IReadOnlyList<TaskAction> For(CaseTaskResponse task, StepResponse? step)
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
                case "decide":
                    // The outcomes the task's model declares, as the domain allows them for this case and step.
                    foreach (var outcome in task.Outcomes)
                    {
                        if (outcome switch
                            {
                                "approve" => TaskAction.Approve,
                                "reject" => TaskAction.Reject,
                                "return" => TaskAction.ReturnForCorrection,
                                "pledge" => TaskAction.ReplaceByPledge,
                                _ => (TaskAction?)null,
                            } is { } decision)
                        {
                            allowed.Add(decision);
                        }
                    }
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
