namespace ApprovalFlow.Web.Ui.Designer;

/// <summary>One af: extension attribute the properties panel edits (wwwroot/bpmn/af-moddle.json), with its label.</summary>
public sealed record AfField(string Name, AfFieldKind Kind, string Zh, string En, string HelpZh, string HelpEn)
{
    public static readonly IReadOnlyList<AfField> All =
    [
        new("role", AfFieldKind.Text, "审批角色", "Approval role", "register 登记、accept 受理、review 审查、decide 决定、resubmit 补正、sign-pledge 签署承诺、verify-pledge 核查承诺、confirm-start 确认开工、revoke 撤销", "register, accept, review, decide, resubmit, sign-pledge, verify-pledge, confirm-start, revoke"),
        new("stepCode", AfFieldKind.Text, "环节代码", "Step code", "同一审批环节的任务使用同一代码，如 planning", "Tasks of one approval step share it, e.g. planning"),
        new("department", AfFieldKind.Text, "办理部门", "Department", "部门代码，如 natural-resources", "Department code, e.g. natural-resources"),
        new("timeLimitDays", AfFieldKind.Number, "办理时限（工作日）", "Time limit (working days)", "任务到期日 = 第 n 个工作日结束", "The task is due at the end of the n-th working day"),
        new("toleratedGap", AfFieldKind.Flag, "允许容缺受理", "Tolerated gap allowed", "可在材料不全时凭容缺承诺受理", "May be accepted with missing materials on a gap pledge"),
        new("pledgeReplaceable", AfFieldKind.Flag, "可由承诺替代", "Pledge-replaceable", "承诺制下可由企业承诺替代", "Under the pledge system a pledge may replace it"),
        new("virtualApproval", AfFieldKind.Flag, "允许虚拟审批", "Virtual approval", "可在取得土地前模拟审批", "May be approved before the land is held"),
        new("outcomes", AfFieldKind.Text, "可选决定", "Outcomes", "逗号分隔：approve 准予、reject 不予、return 退回补正、pledge 承诺替代", "Comma-separated: approve, reject, return, pledge"),
        new("outcomeVariable", AfFieldKind.Text, "决定结果变量", "Outcome variable", "决定时写入所选结果的流程变量，供网关判断", "Process variable set to the chosen outcome, read by the gateway"),
        new("approvedVariable", AfFieldKind.Text, "是否准予变量", "Approved variable", "决定时写入“是否准予”（真/假）的流程变量", "Boolean process variable set to whether the outcome is approve"),
        new("brokenVariable", AfFieldKind.Text, "失信结论变量", "Broken variable", "核查承诺时写入“是否失信”的流程变量", "Process variable set to whether the pledge was broken"),
        new("methodVariable", AfFieldKind.Text, "核查方式变量", "Method variable", "核查承诺时写入核查方式的流程变量", "Process variable set to the verification method"),
        new("marks", AfFieldKind.Text, "环节标记", "Step mark", "令牌经过时对环节的意义：approved 已批准、rejected 不予许可、replaced-by-pledge 承诺替代、virtually-approved 虚拟审批、effective 生效、lapsed 失效、overdue 超期", "What passing it means for the step: approved, rejected, replaced-by-pledge, virtually-approved, effective, lapsed, overdue"),
        new("candidateGroups", AfFieldKind.Text, "候选组", "Candidate groups", "逗号分隔，或 ${表达式}", "Comma-separated, or ${expression}"),
        new("candidateUsers", AfFieldKind.Text, "候选人", "Candidate users", "逗号分隔", "Comma-separated"),
        new("assignee", AfFieldKind.Text, "办理人", "Assignee", "用户名或 ${表达式}", "User name or ${expression}"),
        new("handler", AfFieldKind.Text, "服务处理器", "Service handler", "已注册的服务任务处理器名称", "Name of a registered service task handler"),
        new("pledgeCovers", AfFieldKind.Text, "承诺覆盖环节", "Pledge covers", "承诺替代的环节代码，逗号分隔", "Step codes the pledge replaces, comma-separated"),
        new("workingDays", AfFieldKind.Text, "定时（工作日）", "Timer (working days)", "定时事件在第 n 个工作日结束时触发，或 ${表达式}", "The timer fires at the end of the n-th working day, or ${expression}"),
    ];
}

public enum AfFieldKind
{
    Text,
    Number,
    Flag,
}
