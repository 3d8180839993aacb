namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>One entry of a step's status history (append-only).</summary>
public sealed class StepStatusChange
{
    private StepStatusChange()
    {
    }

    public StepStatusChange(Guid stepId, StepStatus from, StepStatus to, DateTime at, string actor, string? note)
    {
        StepId = stepId;
        From = from;
        To = to;
        At = at;
        Actor = actor;
        Note = note;
    }

    public long Id { get; private set; }
    public Guid StepId { get; private set; }
    public StepStatus From { get; private set; }
    public StepStatus To { get; private set; }
    public DateTime At { get; private set; }
    public string Actor { get; private set; } = "";
    public string? Note { get; private set; }
}
