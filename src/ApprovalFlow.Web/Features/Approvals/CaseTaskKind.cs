namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>Which approval action completes a case task, from its role (<see cref="TaskRole"/>).</summary>
public enum CaseTaskKind
{
    Other = 0,
    /// <summary>受理, and the one-window registration (综合窗口登记), which accepts the application as a whole.</summary>
    Accept = 1,
    Review = 2,
    Decide = 3,
    /// <summary>The enterprise's tasks: resubmitting corrected material (补正), signing the pledge (签署承诺书).</summary>
    Resubmit = 4,
    ConfirmStart = 5,
}

public static class CaseTaskKinds
{
    public static string Action(this CaseTaskKind kind) => kind switch
    {
        CaseTaskKind.Accept => "accept",
        CaseTaskKind.Review => "review",
        CaseTaskKind.Decide => "decide",
        CaseTaskKind.Resubmit => "resubmit",
        CaseTaskKind.ConfirmStart => "confirm-start",
        _ => "complete",
    };
}
