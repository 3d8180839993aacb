namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>Where a step (land, planning, EIA, safety, permit, ...) of a case stands.</summary>
public enum StepStatus
{
    /// <summary>Waiting for the department to accept (受理) the application.</summary>
    AwaitingAcceptance = 0,
    /// <summary>Accepted (completely or with a tolerated gap) and under review (审查).</summary>
    UnderReview = 1,
    /// <summary>Reviewed; waiting for the decision (决定).</summary>
    AwaitingDecision = 2,
    /// <summary>Returned for correction (退回补正); the enterprise must resubmit.</summary>
    ReturnedForCorrection = 3,
    /// <summary>Approved and effective: the result counts.</summary>
    Approved = 4,
    /// <summary>Approved virtually (虚拟审批); becomes effective when the land step is approved.</summary>
    VirtuallyApproved = 5,
    Rejected = 6,
    /// <summary>Replaced by a signed pledge (承诺替代).</summary>
    ReplacedByPledge = 7,
    /// <summary>Suspended (中止): a tolerated gap's supplement deadline passed.</summary>
    Suspended = 8,
    /// <summary>What the step allowed was revoked (a broken pledge, or a gap never supplied).</summary>
    Revoked = 9,
    /// <summary>A virtual approval that never took effect because land was not approved.</summary>
    Lapsed = 10,
    /// <summary>Withdrawn (案件终止): the case was terminated by an administrator while the step was open.</summary>
    Withdrawn = 11,
}
