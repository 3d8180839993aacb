using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Ui.Tasks;

/// <summary>Labels and test ids of the task panel's actions.</summary>
public static class TaskActionText
{
    public static string Label(TaskAction action) => action switch
    {
        TaskAction.Claim => L.T("签收", "Claim"),
        TaskAction.Accept => L.T("受理", "Accept"),
        TaskAction.AcceptWithGap => L.T("容缺受理", "Accept with tolerated gap"),
        TaskAction.Review => L.T("完成审查", "Finish review"),
        TaskAction.Approve => L.T("准予许可", "Approve"),
        TaskAction.Reject => L.T("不予许可", "Reject"),
        TaskAction.ReturnForCorrection => L.T("退回补正", "Return for correction"),
        TaskAction.ReplaceByPledge => L.T("承诺替代", "Replace by pledge"),
        TaskAction.Resubmit => L.T("提交补正材料", "Resubmit"),
        TaskAction.SignPledge => L.T("签署承诺书", "Sign pledge"),
        TaskAction.VerifyPledge => L.T("核查承诺", "Verify pledge"),
        TaskAction.ConfirmStart => L.T("确认开工条件", "Confirm start conditions"),
        TaskAction.PauseClock => L.T("暂停计时", "Pause clock"),
        TaskAction.ResumeClock => L.T("恢复计时", "Resume clock"),
        _ => action.ToString(),
    };

    /// <summary>kebab-case: <c>action-accept-with-gap</c>, <c>confirm-accept-with-gap</c>.</summary>
    public static string TestId(TaskAction action) =>
        string.Concat(action.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
