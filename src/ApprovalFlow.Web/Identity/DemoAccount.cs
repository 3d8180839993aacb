using ApprovalFlow.Web.Features.Enterprises;

namespace ApprovalFlow.Web.Identity;

/// <summary>An account seeded in the embedded default so that a first run can be tried at once.</summary>
public sealed record DemoAccount(string Email, string Role, string? Department = null, string? EnterpriseCreditCode = null, string? County = null)
{
    public const string Password = "ApprovalFlow#2026";

    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("admin@approvalflow.local", AppRoles.Administrator),
        new("officer@approvalflow.local", AppRoles.Officer, Department: "natural-resources"),
        new("enterprise@approvalflow.local", AppRoles.Enterprise, EnterpriseCreditCode: DemoEnterprise.First.CreditCode),
        new("supervisor@approvalflow.local", AppRoles.Supervisor),
        new("leader@approvalflow.local", AppRoles.PairedLeader),
    ];

    /// <summary>A user of a second enterprise, to try that enterprises do not see each other's projects; not in
    /// <see cref="All"/>, which keeps one account per role.</summary>
    public static readonly DemoAccount SecondEnterprise =
        new("enterprise2@approvalflow.local", AppRoles.Enterprise, EnterpriseCreditCode: DemoEnterprise.Second.CreditCode);

    /// <summary>One officer per department of the shipped workflows, who act in the demo data; not in <see cref="All"/>
    /// either, which keeps <c>officer@approvalflow.local</c> as the one officer there.</summary>
    public static readonly IReadOnlyList<DemoAccount> DepartmentOfficers =
    [
        .. new[]
        {
            "natural-resources", "housing-construction", "ecology-environment", "emergency-management", "administrative-approval",
            "development-reform",
        }.Select(d => new DemoAccount($"officer.{d}@approvalflow.local", AppRoles.Officer, Department: d)),
    ];

    public static DemoAccount OfficerOf(string department) => DepartmentOfficers.Single(a => a.Department == department);

    /// <summary>One head per department (<c>head.&lt;department&gt;@approvalflow.local</c>), to whom overdue steps are escalated.</summary>
    public static readonly IReadOnlyList<DemoAccount> DepartmentHeads =
    [
        .. DepartmentOfficers.Select(o => new DemoAccount($"head.{o.Department}@approvalflow.local", AppRoles.DepartmentHead, Department: o.Department)),
    ];

    /// <summary>
    /// A county officer (区县工作人员): natural resources of 桃城区 (131102), who sees and acts on that county's cases only,
    /// to try the county scope beside the city-level officers above (docs/security.md).
    /// </summary>
    public static readonly DemoAccount CountyOfficer =
        new("officer.taocheng@approvalflow.local", AppRoles.Officer, Department: "natural-resources", County: "131102");

    /// <summary>The roles the account is put in: a department head is an officer of the department as well.</summary>
    public IReadOnlyList<string> Roles => Role == AppRoles.DepartmentHead ? [AppRoles.Officer, AppRoles.DepartmentHead] : [Role];

    public static IEnumerable<DemoAccount> Seeded => [.. All, SecondEnterprise, .. DepartmentOfficers, .. DepartmentHeads, CountyOfficer];
}
