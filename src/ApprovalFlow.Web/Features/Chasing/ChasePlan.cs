namespace ApprovalFlow.Web.Features.Chasing;

/// <summary>The rungs due for a subject at a moment, against the deadline they are fired for.</summary>
public sealed record ChasePlan(DateTime Deadline, int WorkingDaysLeft, IReadOnlyList<ChaseLevel> Due);
