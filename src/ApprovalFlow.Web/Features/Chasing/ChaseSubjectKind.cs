namespace ApprovalFlow.Web.Features.Chasing;

/// <summary>What is chased; stored as its term in <c>chase_records.subject_kind</c>.</summary>
public static class ChaseSubjectKind
{
    /// <summary>An approval step (审批环节) against its due date.</summary>
    public const string Step = "step";
    /// <summary>A tolerated gap (容缺) against its supplement deadline; the enterprise is chased.</summary>
    public const string Gap = "gap";
    /// <summary>A pledge verification task (事后核查) against <c>Lights:PledgeVerificationWorkingDays</c>.</summary>
    public const string Verification = "verification";
}
