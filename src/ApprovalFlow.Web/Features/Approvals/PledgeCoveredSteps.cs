namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// The design-review steps a signed pledge replaces in a pledge-system case (承诺替代设计审查): the model names them in
/// <c>af:pledgeCovers</c> on an event but runs no task for them, so the case gets them as steps
/// only when the token passes that event, already replaced by the pledge; a breach can then revoke them.
/// </summary>
public static class PledgeCoveredSteps
{
    /// <summary>
    /// Names and departments of the covered steps as the parallel model has them (workflows/README.md): the pledge
    /// model does not carry them, having no task for these steps.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, (string Name, string Department)> Known = new Dictionary<string, (string, string)>
    {
        ["planning"] = ("规划", "natural-resources"),
        ["eia"] = ("环评", "ecology-environment"),
        ["safety"] = ("安评", "emergency-management"),
    };

    /// <summary>The steps added to the case (the caller adds them to its context); existing ones are moved in place.</summary>
    public static List<ApprovalStep> Apply(ApprovalCase approvalCase, IEnumerable<Engine.ElementEvent> reached, string actor, DateTime now)
    {
        var added = new List<ApprovalStep>();
        var covered = reached
            .Where(e => e.Extensions.ContainsKey(ApprovalRoles.PledgeCovers))
            .SelectMany(e => e.Extensions[ApprovalRoles.PledgeCovers].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal);
        foreach (var code in covered)
        {
            var step = approvalCase.Steps.SingleOrDefault(s => s.StepCode == code);
            if (step is null)
            {
                var (name, department) = Known.GetValueOrDefault(code, (code, ""));
                step = new ApprovalStep(approvalCase.Id, approvalCase.CountyCode, code, name, department, null, toleratedGapAllowed: false, pledgeReplaceable: true,
                    virtualApprovalAllowed: false, now);
                approvalCase.Steps.Add(step);
                added.Add(step);
            }
            // Only a step not yet decided is replaced: a revoked one (broken pledge) stays revoked.
            if (step.Status == StepStatus.AwaitingAcceptance)
            {
                step.MoveTo(StepStatus.ReplacedByPledge, now, actor, "replaced by the signed pledge (承诺替代设计审查)");
            }
        }
        return added;
    }
}
