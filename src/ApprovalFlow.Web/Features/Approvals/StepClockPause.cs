namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>An interval in which a step's clock stood still, with the reason the applicant was told (告知).</summary>
public sealed class StepClockPause
{
    private StepClockPause()
    {
    }

    public StepClockPause(Guid stepId, DateTime pausedAt, string actor, string reason)
    {
        StepId = stepId;
        PausedAt = pausedAt;
        Actor = actor;
        Reason = reason;
    }

    public long Id { get; private set; }
    public Guid StepId { get; private set; }
    public DateTime PausedAt { get; private set; }
    public DateTime? ResumedAt { get; private set; }
    public string Actor { get; private set; } = "";
    public string Reason { get; private set; } = "";

    public void Resume(DateTime at) => ResumedAt = at;
}
