namespace ApprovalFlow.Web.Features.Approvals;

public static class StepStatuses
{
    /// <summary>The statuses of a step still open: not yet decided, suspended, or approved and waiting for another step.</summary>
    public static readonly StepStatus[] Open =
    [
        StepStatus.AwaitingAcceptance, StepStatus.UnderReview, StepStatus.AwaitingDecision, StepStatus.ReturnedForCorrection,
        StepStatus.Suspended, StepStatus.VirtuallyApproved,
    ];

    public static bool IsOpen(this StepStatus status) => Array.IndexOf(Open, status) >= 0;

    /// <summary>The API's name of a status: its enum name in camel case (awaitingAcceptance, virtuallyApproved, ...).</summary>
    public static string Term(this StepStatus status)
    {
        var name = status.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string Term(this ApprovalCaseStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryReadCaseStatus(string? text, out ApprovalCaseStatus status) =>
        Enum.TryParse(text, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(text, out _);
}
