using ApprovalFlow.Web.Features.Projects;

namespace ApprovalFlow.Web.Features.Gaps;

/// <summary>A refused business rule: a short rule name (for clients and tests) and the detail a person reads.</summary>
public sealed record Refusal(string Rule, string Detail, int Status = StatusCodes.Status409Conflict)
{
    public RefusedException ToException() => RefusedException.Refused(Rule, Detail, Status);
}
