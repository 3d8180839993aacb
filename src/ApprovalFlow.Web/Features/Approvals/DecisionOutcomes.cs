using ApprovalFlow.Engine;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// The one rule for what a decision may be: the outcomes its task declares (<c>af:outcomes</c>), where <c>pledge</c>
/// stands only for a pledge-replaceable step of a case under the pledge system. The decide command refuses anything
/// else; the case answer lists these so the task panel offers them.
/// </summary>
public static class DecisionOutcomes
{
    /// <summary>An outcome variable's value until its decision is taken.</summary>
    public const string Pending = "pending";

    public static IReadOnlyList<string> Allowed(ElementInfo decision, ApprovalStep? step, ApprovalMode mode) =>
        [.. ApprovalRoles.OutcomesOf(decision.Extensions).Where(o => o != "pledge" || PledgeMayReplace(step, mode))];

    public static bool PledgeMayReplace(ApprovalStep? step, ApprovalMode mode) =>
        step is { PledgeReplaceable: true } && mode == ApprovalMode.PledgeSystem;
}
