namespace ApprovalFlow.Web.Identity;

/// <summary>An account seeded in the embedded default so that a first run can be tried at once.</summary>
public sealed record DemoAccount(string Email, string Role, string? Department = null)
{
    public const string Password = "ApprovalFlow#2026";

    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("admin@approvalflow.local", AppRoles.Administrator),
        new("officer@approvalflow.local", AppRoles.Officer, Department: "natural-resources"),
        new("enterprise@approvalflow.local", AppRoles.Enterprise),
        new("supervisor@approvalflow.local", AppRoles.Supervisor),
        new("leader@approvalflow.local", AppRoles.PairedLeader),
    ];
}
