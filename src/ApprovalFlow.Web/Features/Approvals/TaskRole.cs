namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// What a case task is for, as its model declares it in <c>af:role</c> (workflows/README.md, "Approval roles");
/// never read from an element id.
/// </summary>
public enum TaskRole
{
    None = 0,
    /// <summary>综合窗口登记: accepts the application as a whole.</summary>
    Register,
    Accept,
    Review,
    Decide,
    /// <summary>The enterprise corrects and resubmits (补正).</summary>
    Resubmit,
    /// <summary>The enterprise signs the pledge (签署承诺书).</summary>
    SignPledge,
    /// <summary>A department verifies the pledge afterwards (事后核查).</summary>
    VerifyPledge,
    ConfirmStart,
    /// <summary>Revoke what a broken pledge allowed and record the breach (撤销并记录失信).</summary>
    Revoke,
}

/// <summary>The <c>af:</c> attributes the approval domain reads, and what a role means for the actions.</summary>
public static class ApprovalRoles
{
    public const string Role = "role";
    public const string StepCode = "stepCode";
    public const string Department = "department";
    public const string TimeLimitDays = "timeLimitDays";
    public const string Outcomes = "outcomes";
    public const string OutcomeVariable = "outcomeVariable";
    public const string ApprovedVariable = "approvedVariable";
    public const string BrokenVariable = "brokenVariable";
    public const string MethodVariable = "methodVariable";
    public const string Marks = "marks";
    public const string PledgeCovers = "pledgeCovers";
    /// <summary>On a waiting element: the steps whose approval the waiting step needs before it takes effect.</summary>
    public const string Awaits = "awaits";

    public static readonly IReadOnlyDictionary<string, TaskRole> Roles = new Dictionary<string, TaskRole>(StringComparer.Ordinal)
    {
        ["register"] = TaskRole.Register,
        ["accept"] = TaskRole.Accept,
        ["review"] = TaskRole.Review,
        ["decide"] = TaskRole.Decide,
        ["resubmit"] = TaskRole.Resubmit,
        ["sign-pledge"] = TaskRole.SignPledge,
        ["verify-pledge"] = TaskRole.VerifyPledge,
        ["confirm-start"] = TaskRole.ConfirmStart,
        ["revoke"] = TaskRole.Revoke,
    };

    public static TaskRole RoleOf(IReadOnlyDictionary<string, string> extensions) =>
        extensions.TryGetValue(Role, out var value) && Roles.TryGetValue(value.Trim(), out var role) ? role : TaskRole.None;

    /// <summary>Which approval action completes a task of this role.</summary>
    public static CaseTaskKind Kind(this TaskRole role) => role switch
    {
        TaskRole.Register or TaskRole.Accept => CaseTaskKind.Accept,
        TaskRole.Review => CaseTaskKind.Review,
        TaskRole.Decide or TaskRole.Revoke => CaseTaskKind.Decide,
        TaskRole.Resubmit or TaskRole.SignPledge => CaseTaskKind.Resubmit,
        TaskRole.ConfirmStart => CaseTaskKind.ConfirmStart,
        _ => CaseTaskKind.Other,
    };

    /// <summary>
    /// The route segment of the action that does the task: its kind's, except the pledge-system tasks, which have their
    /// own (signing the pledge, verifying it); <c>resubmit</c> refuses a sign-pledge task.
    /// </summary>
    public static string Action(this TaskRole role) => role switch
    {
        TaskRole.SignPledge => "sign-pledge",
        TaskRole.VerifyPledge => "verify-pledge",
        _ => role.Kind().Action(),
    };

    /// <summary>The outcomes a decide task takes (<c>af:outcomes</c>).</summary>
    public static IReadOnlyList<string> OutcomesOf(IReadOnlyDictionary<string, string> extensions) =>
        extensions.TryGetValue(Outcomes, out var value)
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
}

/// <summary>What a token passing an element means for its step (<c>af:marks</c>).</summary>
public static class StepMarks
{
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string ReplacedByPledge = "replaced-by-pledge";
    public const string VirtuallyApproved = "virtually-approved";
    public const string Effective = "effective";
    public const string Lapsed = "lapsed";
    public const string Overdue = "overdue";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
        { Approved, Rejected, ReplacedByPledge, VirtuallyApproved, Effective, Lapsed, Overdue };
}
