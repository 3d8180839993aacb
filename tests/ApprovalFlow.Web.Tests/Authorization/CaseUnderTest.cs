namespace ApprovalFlow.Web.Tests.Authorization;

/// <summary>A running case right after its start: the register task (登记) open, every step awaiting acceptance.</summary>
public sealed record CaseUnderTest(Guid ProjectId, Guid CaseId, Guid InstanceId, Guid RegisterTaskId, Guid LandStepId);
