using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Gaps;

namespace ApprovalFlow.Web.Features.Documents;

/// <summary>One document a step's history gives rise to: its kind, the history entry it states, and for a gap notice the gap.</summary>
public sealed record OfferedDocument(DocumentKind Kind, ApprovalStep Step, StepStatusChange Change, string? Opinion, ToleratedGap? Gap);

/// <summary>
/// Which documents a step has, read from its status history only (docs/documents.md): 受理通知书 for each acceptance
/// (awaiting acceptance → under review or awaiting the decision); 容缺受理通知书 besides when that acceptance opened a
/// tolerated gap; 补正告知书 for each return for correction by the department; 准予许可决定书 once approved, when its
/// result is issued (not while a tolerated gap is open, 不出证); 不予许可决定书 when rejected.
/// </summary>
public static class StepDocuments
{
    public static IReadOnlyList<OfferedDocument> Of(ApprovalStep step, IReadOnlyCollection<ToleratedGap> gapsOfStep)
    {
        var changes = step.Changes.OrderBy(c => c.At).ThenBy(c => c.Id).ToList();
        var offered = new List<OfferedDocument>();
        DateTime? previousAcceptance = null;
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            if (IsAcceptance(change))
            {
                offered.Add(new OfferedDocument(DocumentKind.Acceptance, step, change, change.Note, null));
                // The gap this acceptance opened: opened in the same command, before the engine moved.
                var gap = gapsOfStep.Where(g => g.OpenedAt <= change.At && (previousAcceptance is null || g.OpenedAt > previousAcceptance))
                    .MaxBy(g => g.OpenedAt);
                if (gap is not null) offered.Add(new OfferedDocument(DocumentKind.GapAcceptance, step, change, change.Note, gap));
                previousAcceptance = change.At;
            }
            else if (change.To == StepStatus.ReturnedForCorrection && change.From is StepStatus.UnderReview or StepStatus.AwaitingDecision)
            {
                offered.Add(new OfferedDocument(DocumentKind.Correction, step, change, change.Note, null));
            }
            else if (change.To == StepStatus.Rejected)
            {
                offered.Add(new OfferedDocument(DocumentKind.Rejection, step, change, change.Note ?? EarlierOpinion(changes, i), null));
            }
        }
        if (step.ResultIssued && changes.FirstOrDefault(c => c.To == StepStatus.Approved) is { } approved)
        {
            offered.Add(new OfferedDocument(DocumentKind.Approval, step, approved, approved.Note ?? EarlierOpinion(changes, changes.IndexOf(approved)), null));
        }
        return offered;
    }

    private static bool IsAcceptance(StepStatusChange change) =>
        change.From == StepStatus.AwaitingAcceptance && change.To is StepStatus.UnderReview or StepStatus.AwaitingDecision;

    /// <summary>A virtual approval takes effect later without an opinion: the decision's opinion is on the change before.</summary>
    private static string? EarlierOpinion(List<StepStatusChange> changes, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (changes[i].To == StepStatus.VirtuallyApproved && changes[i].Note is { } note) return note;
            if (changes[i].To == StepStatus.UnderReview) break;
        }
        return null;
    }
}
