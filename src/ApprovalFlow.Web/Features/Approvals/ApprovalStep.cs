namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// A step of a case (审批环节): one department's approval such as land, planning, EIA, safety or the construction
/// permit. Its settings come from the model's extension attributes; its status changes only through the methods
/// below, each of which records a <see cref="StepStatusChange"/>.
/// </summary>
public sealed class ApprovalStep
{
    private ApprovalStep()
    {
    }

    public ApprovalStep(Guid caseId, string countyCode, string stepCode, string name, string department, int? timeLimitDays,
        bool toleratedGapAllowed, bool pledgeReplaceable, bool virtualApprovalAllowed, DateTime createdAt)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        CountyCode = countyCode;
        StepCode = stepCode;
        Name = name;
        Department = department;
        TimeLimitDays = timeLimitDays;
        ToleratedGapAllowed = toleratedGapAllowed;
        PledgeReplaceable = pledgeReplaceable;
        VirtualApprovalAllowed = virtualApprovalAllowed;
        Status = StepStatus.AwaitingAcceptance;
        CreatedAt = createdAt;
        LastActionAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    /// <summary>The case's county (县市区), kept on the step so that supervision counts and filters steps without a join.</summary>
    public string CountyCode { get; private set; } = "";
    public string StepCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Department { get; private set; } = "";
    public int? TimeLimitDays { get; private set; }
    public bool ToleratedGapAllowed { get; private set; }
    public bool PledgeReplaceable { get; private set; }
    public bool VirtualApprovalAllowed { get; private set; }
    public StepStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    /// <summary>When the clock started (acceptance); the due date counts working days from here, skipping pauses.</summary>
    public DateTime? AcceptedAt { get; private set; }
    public DateTime? DueAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public DateTime? EffectiveAt { get; private set; }
    /// <summary>False while a tolerated gap is open: the decision may be made but its result is not issued (不出证).</summary>
    public bool ResultIssued { get; private set; }
    /// <summary>Set while the clock is paused (expert review, hearing, ...; Administrative Licensing Law Art. 45).</summary>
    public DateTime? ClockPausedAt { get; private set; }
    public DateTime LastActionAt { get; private set; }

    /// <summary>Counts the step's changes; a concurrency token, so that of two simultaneous changes the second fails.</summary>
    public int Revision { get; private set; }

    public List<StepStatusChange> Changes { get; private set; } = [];
    public List<StepClockPause> Pauses { get; private set; } = [];

    public bool IsOpen => Status.IsOpen();

    /// <summary>
    /// A final status: nothing moves the step out of it (there is no reopening yet; it would be an explicit, audited
    /// command of its own). Rejected, revoked, lapsed and withdrawn steps stay so whatever moves the engine.
    /// </summary>
    public bool IsFinal => Status is StepStatus.Rejected or StepStatus.Revoked or StepStatus.Lapsed or StepStatus.Withdrawn;

    /// <summary>Moves the step to <paramref name="to"/>, recording who, when and why.</summary>
    public void MoveTo(StepStatus to, DateTime at, string actor, string? note = null)
    {
        if (Status == to && note is null) return;
        if (IsFinal && to != Status)
        {
            throw new InvalidOperationException($"Step {StepCode} is {Status}, a final status; it cannot move to {to}.");
        }
        Changes.Add(new StepStatusChange(Id, Status, to, at, actor, note));
        Status = to;
        Revision++;
        LastActionAt = at;
        if (to is StepStatus.Approved or StepStatus.Rejected or StepStatus.ReplacedByPledge or StepStatus.VirtuallyApproved)
            DecidedAt ??= at;
        if (to is StepStatus.Approved or StepStatus.ReplacedByPledge) EffectiveAt ??= at;
    }

    public void StartClock(DateTime acceptedAt, DateTime? dueAt)
    {
        AcceptedAt = acceptedAt;
        DueAt = dueAt;
    }

    public void SetDueAt(DateTime? dueAt) => DueAt = dueAt;

    public void IssueResult(bool issued) => ResultIssued = issued;

    public void PauseClock(DateTime at, string actor, string reason)
    {
        if (ClockPausedAt is not null) return;
        ClockPausedAt = at;
        Pauses.Add(new StepClockPause(Id, at, actor, reason));
        LastActionAt = at;
    }

    public void ResumeClock(DateTime at)
    {
        if (ClockPausedAt is null) return;
        Pauses.Single(p => p.ResumedAt is null).Resume(at);
        ClockPausedAt = null;
        LastActionAt = at;
    }
}
