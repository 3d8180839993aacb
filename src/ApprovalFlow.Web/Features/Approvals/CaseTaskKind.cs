namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>What a case task asks for, read from its element id (workflows/README.md), and so which action completes it.</summary>
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
    public static CaseTaskKind Of(string elementId) => elementId switch
    {
        "register" => CaseTaskKind.Accept,
        "confirmStart" => CaseTaskKind.ConfirmStart,
        "signPledge" => CaseTaskKind.Resubmit,
        "checkLandAndFiling" or "startConstruction" or "combinedAcceptance" or "revokeAndRecordCredit" => CaseTaskKind.Decide,
        _ when elementId.EndsWith("Accept", StringComparison.Ordinal) => CaseTaskKind.Accept,
        _ when elementId.EndsWith("Review", StringComparison.Ordinal) => CaseTaskKind.Review,
        _ when elementId.EndsWith("Decide", StringComparison.Ordinal) => CaseTaskKind.Decide,
        _ when elementId.EndsWith("Resubmit", StringComparison.Ordinal) => CaseTaskKind.Resubmit,
        _ => CaseTaskKind.Other,
    };

    /// <summary>
    /// The action that does the task: its kind's, except the pledge-system tasks, which have their own endpoints
    /// (signing the pledge, verifying it); <c>resubmit</c> refuses <c>signPledge</c>.
    /// </summary>
    public static string ActionOf(string elementId) => elementId switch
    {
        SignCasePledge.TaskElement => "sign-pledge",
        VerifyPledgeOnCase.TaskElement => "verify-pledge",
        _ => Of(elementId).Action(),
    };

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
