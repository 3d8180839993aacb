namespace ApprovalFlow.Web.Ui.Designer;

/// <summary>
/// One af: extension attribute the properties panel edits (wwwroot/bpmn/af-moddle.json), with its label; a
/// <see cref="AfFieldKind.Choice"/> offers its <see cref="Options"/> (the values workflows/README.md, "Approval roles", lists).
/// </summary>
public sealed record AfField(string Name, AfFieldKind Kind, string Zh, string En, string HelpZh, string HelpEn, IReadOnlyList<AfOption>? Options = null)
{
    public static readonly IReadOnlyList<AfOption> Roles =
    [
        new("register", "综合窗口登记", "Registration"),
        new("accept", "受理", "Accept"),
        new("review", "审查", "Review"),
        new("decide", "决定", "Decide"),
        new("resubmit", "企业补正", "Resubmit"),
        new("sign-pledge", "企业签署承诺书", "Sign the pledge"),
        new("verify-pledge", "部门核查承诺", "Verify the pledge"),
        new("confirm-start", "确认开工条件", "Confirm the start"),
        new("revoke", "撤销并记录失信", "Revoke"),
    ];

    public static readonly IReadOnlyList<AfOption> Marks =
    [
        new("approved", "已批准", "Approved"),
        new("rejected", "不予许可", "Rejected"),
        new("replaced-by-pledge", "由承诺替代", "Replaced by the pledge"),
        new("virtually-approved", "虚拟审批（等待土地）", "Virtually approved (waits for land)"),
        new("effective", "虚拟审批生效", "Virtual approval takes effect"),
        new("lapsed", "虚拟审批失效", "Virtual approval lapses"),
        new("overdue", "超期", "Overdue"),
    ];

    public static readonly IReadOnlyList<AfField> All =
    [
        new("role", AfFieldKind.Choice, "审批角色", "Approval role", "任务在审批环节中的作用；有角色的模型发布时按审批契约检查",
            "The task's phase of its step; a model with roles is checked against the approval contract when published", Roles),
        new("stepCode", AfFieldKind.Text, "环节代码", "Step code", "同一审批环节的任务使用同一代码，如 planning", "Tasks of one approval step share it, e.g. planning"),
        new("department", AfFieldKind.Text, "办理部门", "Department", "部门代码，如 natural-resources", "Department code, e.g. natural-resources"),
        new("timeLimitDays", AfFieldKind.Number, "办理时限（工作日）", "Time limit (working days)", "任务到期日 = 第 n 个工作日结束", "The task is due at the end of the n-th working day"),
        new("outcomes", AfFieldKind.Text, "办理结果", "Outcomes", "逗号分隔：approve（批准）、reject（不予许可）、return（退回补正）、pledge（承诺替代）",
            "Comma-separated: approve, reject, return, pledge"),
        new("outcomeVariable", AfFieldKind.Text, "结果变量", "Outcome variable", "记录办理结果的流程变量，决定网关据此分支，如 landOutcome",
            "The variable set to the outcome, which the decision gateway reads, e.g. landOutcome"),
        new("approvedVariable", AfFieldKind.Text, "批准变量", "Approved variable", "布尔流程变量：是否批准，如 pledgeEligible",
            "A boolean variable set to whether the outcome is approve, e.g. pledgeEligible"),
        new("brokenVariable", AfFieldKind.Text, "失信变量", "Broken variable", "核查承诺任务：布尔流程变量，承诺是否失信，如 pledgeBroken",
            "Pledge verification: a boolean variable set to whether the pledge is broken, e.g. pledgeBroken"),
        new("methodVariable", AfFieldKind.Text, "核查方式变量", "Method variable", "核查承诺任务：记录核查方式的流程变量，如 verificationMethod",
            "Pledge verification: the variable set to the verification method, e.g. verificationMethod"),
        new("marks", AfFieldKind.Choice, "环节标记", "Step marker", "令牌经过此元素时对其环节的含义（需填写环节代码）",
            "What a token passing this element means for its step (needs a step code)", Marks),
        new("toleratedGap", AfFieldKind.Flag, "允许容缺受理", "Tolerated gap allowed", "可在材料不全时凭容缺承诺受理", "May be accepted with missing materials on a gap pledge"),
        new("pledgeReplaceable", AfFieldKind.Flag, "可由承诺替代", "Pledge-replaceable", "承诺制下可由企业承诺替代", "Under the pledge system a pledge may replace it"),
        new("virtualApproval", AfFieldKind.Flag, "允许虚拟审批", "Virtual approval", "可在取得土地前模拟审批", "May be approved before the land is held"),
        new("candidateGroups", AfFieldKind.Text, "候选组", "Candidate groups", "逗号分隔，或 ${表达式}", "Comma-separated, or ${expression}"),
        new("candidateUsers", AfFieldKind.Text, "候选人", "Candidate users", "逗号分隔", "Comma-separated"),
        new("assignee", AfFieldKind.Text, "办理人", "Assignee", "用户名或 ${表达式}", "User name or ${expression}"),
        new("handler", AfFieldKind.Text, "服务处理器", "Service handler", "已注册的服务任务处理器名称", "Name of a registered service task handler"),
        new("pledgeCovers", AfFieldKind.Text, "承诺覆盖环节", "Pledge covers", "承诺替代的环节代码，逗号分隔", "Step codes the pledge replaces, comma-separated"),
        new("workingDays", AfFieldKind.Text, "定时（工作日）", "Timer (working days)", "定时事件在第 n 个工作日结束时触发，或 ${表达式}", "The timer fires at the end of the n-th working day, or ${expression}"),
    ];
}

/// <summary>One value a <see cref="AfFieldKind.Choice"/> field offers, with its labels.</summary>
public sealed record AfOption(string Value, string Zh, string En);

public enum AfFieldKind
{
    Text,
    Number,
    Flag,
    Choice,
}
