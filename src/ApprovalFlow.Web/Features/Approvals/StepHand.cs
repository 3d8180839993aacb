namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// One step, one hand (一事一人): the officer who accepts a step holds its review and decision. When an officer completes
/// the acceptance or the review of a step, the step's next department task (its review, its decision) is claimed for
/// them in the same command (<see cref="CaseTaskCompletion"/>) instead of going back to the department's pool, and the
/// department is not told of it as a new task (Notifications/CaseNews). They may hand it on (转办) as any claimed task.
/// </summary>
public static class StepHand
{
    /// <summary>Whether the hand that completed a <paramref name="completed"/> task of a step holds its <paramref name="next"/> task.</summary>
    public static bool Holds(TaskRole completed, TaskRole next) =>
        completed is TaskRole.Accept or TaskRole.Review && next is TaskRole.Review or TaskRole.Decide;
}
