namespace ApprovalFlow.Web.Tests.Authorization;

/// <summary>Who knocks: one role, and for officers and enterprises whether the resource is theirs.</summary>
public static class Callers
{
    public const string Administrator = "administrator";
    public const string OwnOfficer = "officer-own-department";
    /// <summary>A department head of the own department: an officer there too, so refused exactly where the own officer is.</summary>
    public const string DepartmentHead = "department-head-own-department";
    public const string OtherOfficer = "officer-other-department";
    public const string OwnEnterprise = "enterprise-own";
    public const string OtherEnterprise = "enterprise-other";
    public const string Supervisor = "supervisor";
    public const string PairedLeader = "paired-leader";
    public const string Anonymous = "anonymous";

    public static readonly string[] Signed =
        [Administrator, OwnOfficer, DepartmentHead, OtherOfficer, OwnEnterprise, OtherEnterprise, Supervisor, PairedLeader];

    public static string[] AllBut(params string[] allowed) => [.. Signed.Except(allowed)];
}
