namespace ApprovalFlow.Web.Ui.Tasks;

/// <summary>What the task panel may offer on a task; <see cref="TaskActions"/> decides which at a given moment.</summary>
public enum TaskAction
{
    /// <summary>签收: take the task on.</summary>
    Claim,
    /// <summary>受理: accept completely.</summary>
    Accept,
    /// <summary>容缺受理: accept with missing secondary materials, covered by a pledge, supplied by a deadline.</summary>
    AcceptWithGap,
    /// <summary>审查: finish the review.</summary>
    Review,
    Approve,
    /// <summary>不予许可, with reasons.</summary>
    Reject,
    /// <summary>退回补正, with reasons.</summary>
    ReturnForCorrection,
    /// <summary>承诺替代: a pledge replaces the step (pledge system, pledge-replaceable steps).</summary>
    ReplaceByPledge,
    /// <summary>补正: the enterprise resubmits corrected material.</summary>
    Resubmit,
    /// <summary>签署承诺书: the enterprise signs its pledge-system pledge.</summary>
    SignPledge,
    /// <summary>核查承诺: a verifying department checks the pledge afterwards.</summary>
    VerifyPledge,
    /// <summary>确认开工条件.</summary>
    ConfirmStart,
    /// <summary>暂停计时, with a reason told to the applicant.</summary>
    PauseClock,
    ResumeClock,
}
