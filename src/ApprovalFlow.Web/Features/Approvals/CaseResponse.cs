namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>A case as the caller sees it: its steps, the open tasks and what the caller may do on each.</summary>
public sealed record CaseResponse(
    Guid Id,
    Guid ProjectId,
    string ProjectCode,
    string ProjectName,
    Guid EnterpriseId,
    string Mode,
    string Status,
    Guid InstanceId,
    string DefinitionKey,
    int DefinitionVersion,
    DateTime StartedAt,
    string StartedBy,
    DateTime? EndedAt,
    IReadOnlyList<StepResponse> Steps,
    IReadOnlyList<CaseTaskResponse> OpenTasks);

public sealed record StepResponse(
    Guid Id,
    string StepCode,
    string Name,
    string Department,
    string Status,
    int? TimeLimitDays,
    bool ToleratedGapAllowed,
    bool PledgeReplaceable,
    bool VirtualApprovalAllowed,
    DateTime? AcceptedAt,
    DateTime? DueAt,
    bool Paused,
    DateTime? PausedAt,
    bool ResultIssued,
    DateTime? DecidedAt,
    DateTime? EffectiveAt,
    IReadOnlyList<StepChangeResponse> History,
    IReadOnlyList<StepPauseResponse> Pauses,
    string? Light = null,
    int? WorkingDaysLeft = null)
{
    /// <summary>
    /// The steps an approved step waits for before it takes effect (its waiting element's <c>af:awaits</c>, those not yet
    /// approved): land for a virtual approval; land and planning for the construction permit.
    /// </summary>
    public IReadOnlyList<string> Awaits { get; init; } = [];
}

public sealed record StepChangeResponse(string From, string To, DateTime At, string Actor, string? Note);

public sealed record StepPauseResponse(DateTime PausedAt, DateTime? ResumedAt, string Actor, string Reason);

/// <summary>An open task of a case; <see cref="Actions"/> are those the caller may take on it. A pledge verification task
/// carries its light and deadline (<c>Lights:PledgeVerificationWorkingDays</c>).</summary>
public sealed record CaseTaskResponse(
    Guid Id,
    string ElementId,
    string? Name,
    string? StepCode,
    IReadOnlyList<string> CandidateGroups,
    string? Assignee,
    DateTime CreatedAt,
    DateTime? DueAt,
    IReadOnlyList<string> Actions,
    string? Light = null,
    int? WorkingDaysLeft = null)
{
    /// <summary>What the task is for, as its model declares it (<c>af:role</c>: accept, review, decide, ...); null for a task without one.</summary>
    public string? Role { get; init; }

    /// <summary>The outcomes a decision task takes (its <c>af:outcomes</c>; <c>pledge</c> only where the case and step allow it).</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];
}
