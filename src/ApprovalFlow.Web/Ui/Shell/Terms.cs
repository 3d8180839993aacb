namespace ApprovalFlow.Web.Ui.Shell;

/// <summary>The domain's terms (as the API writes them) in the UI language.</summary>
public static class StatusText
{
    public static string Of(string? status)
    {
        if (status is null) return "—";
        var (zh, en) = Pair(status);
        return L.T(zh, en);
    }

    public static (string Zh, string En) Pair(Features.Approvals.StepStatus status) =>
        Pair(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString()));

    /// <summary>A step status in both languages: for texts stored in both, like notifications.</summary>
    public static (string Zh, string En) Pair(string status) => status switch
    {
        "awaitingAcceptance" => ("待受理", "Awaiting acceptance"),
        "underReview" => ("审查中", "Under review"),
        "awaitingDecision" => ("待决定", "Awaiting decision"),
        "returnedForCorrection" => ("退回补正", "Returned for correction"),
        "approved" => ("已许可", "Approved"),
        "virtuallyApproved" => ("虚拟审批", "Virtually approved"),
        "rejected" => ("不予许可", "Rejected"),
        "replacedByPledge" => ("承诺替代", "Replaced by pledge"),
        "suspended" => ("已中止", "Suspended"),
        "revoked" => ("已撤销", "Revoked"),
        "lapsed" => ("已失效", "Lapsed"),
        "withdrawn" => ("案件终止", "Withdrawn (case terminated)"),
        _ => (status, status),
    };
}

public static class ModeText
{
    public static string Of(string? mode) => mode switch
    {
        "normal" => L.T("一般审批", "Normal"),
        "virtual" => L.T("虚拟审批", "Virtual approval"),
        "pledgeSystem" => L.T("承诺制", "Pledge system"),
        _ => mode ?? "—",
    };
}

public static class CaseStatusText
{
    public static string Of(string? status) => status switch
    {
        "running" => L.T("办理中", "Running"),
        "completed" => L.T("已办结", "Completed"),
        "rejected" => L.T("未通过", "Rejected"),
        "terminated" => L.T("已终止", "Terminated"),
        _ => status ?? "—",
    };
}

public static class ActionText
{
    /// <summary>A task's action as ListMyTasks names it.</summary>
    public static string Of(string? action) => action switch
    {
        "accept" => L.T("受理", "Accept"),
        "review" => L.T("审查", "Review"),
        "decide" => L.T("决定", "Decide"),
        "resubmit" => L.T("补正", "Resubmit"),
        "sign-pledge" => L.T("签署承诺书", "Sign pledge"),
        "verify-pledge" => L.T("核查承诺", "Verify pledge"),
        "confirm-start" => L.T("确认开工条件", "Confirm start"),
        "complete" => L.T("办理", "Complete"),
        _ => action ?? "—",
    };
}

public static class OutcomeText
{
    /// <summary>A decision's outcome (af:outcomes).</summary>
    public static string Of(string? outcome) => outcome switch
    {
        "approve" => L.T("准予许可", "Approve"),
        "reject" => L.T("不予许可", "Reject"),
        "return" => L.T("退回补正", "Return for correction"),
        "pledge" => L.T("以承诺替代", "Replace by the pledge"),
        _ => outcome ?? "—",
    };
}
