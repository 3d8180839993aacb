namespace ApprovalFlow.Web.Features.Gaps;

public enum GapStatus
{
    /// <summary>Materials missing, deadline not yet passed; the step is reviewed but its result not issued.</summary>
    Open = 0,
    /// <summary>Every listed material arrived; the result is issued.</summary>
    Supplied = 1,
    /// <summary>The supplement deadline passed; the step is suspended (中止) and the enterprise told.</summary>
    Overdue = 2,
    /// <summary>Still missing after the grace period: returned (退件), the step revoked, a credit record written.</summary>
    Returned = 3,
    /// <summary>The pledge behind the gap was found broken; what it allowed was revoked.</summary>
    Revoked = 4,
}
