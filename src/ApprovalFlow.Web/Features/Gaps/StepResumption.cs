using ApprovalFlow.Web.Features.Approvals;

namespace ApprovalFlow.Web.Features.Gaps;

public static class StepResumption
{
    /// <summary>Where a suspended step stood before the gap suspended it (review goes on from there once supplied).</summary>
    public static StepStatus StatusBeforeSuspension(this ApprovalStep step) =>
        step.Changes.Where(c => c.To == StepStatus.Suspended).OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => c.From).FirstOrDefault(StepStatus.UnderReview);
}
