namespace ApprovalFlow.Web.Identity;

public static class AppRoles
{
    public const string Administrator = "Administrator";
    public const string Officer = "Officer";
    public const string Enterprise = "Enterprise";
    public const string Supervisor = "Supervisor";
    public const string PairedLeader = "PairedLeader";
    /// <summary>Head of a department (科室/局负责人): an officer of the department to whom overdue steps are escalated.</summary>
    public const string DepartmentHead = "DepartmentHead";

    public static readonly IReadOnlyList<string> All = [Administrator, Officer, Enterprise, Supervisor, PairedLeader, DepartmentHead];
}
