namespace ApprovalFlow.Web.Features.Chasing;

/// <summary>One rung of the ladder due for one subject (a step, a gap, a verification task) and deadline.</summary>
public sealed record ChaseRung(string Kind, Guid Id, ChaseLevel Level, DateTime Deadline);
