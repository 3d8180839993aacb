using ApprovalFlow.Web.Features.Calendar;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>The step's due date: its limit in working days from acceptance, not counting the working days its clock stood still.</summary>
public sealed class StepClock(WorkingDayCalendar calendar)
{
    public DateTime? DueAt(ApprovalStep step)
    {
        if (step.AcceptedAt is not { } accepted || step.TimeLimitDays is not { } days) return null;
        var pauses = step.Pauses.Where(p => p.PausedAt >= accepted).Select(p => (p.PausedAt, p.ResumedAt)).ToList();
        // While the clock stands the deadline cannot be known yet; the one last known is kept until it runs again.
        return calendar.AddWorkingDays(accepted, days, pauses) ?? step.DueAt;
    }

    public void Start(ApprovalStep step, DateTime acceptedAt)
    {
        step.StartClock(acceptedAt, null);
        step.SetDueAt(DueAt(step));
    }
}
