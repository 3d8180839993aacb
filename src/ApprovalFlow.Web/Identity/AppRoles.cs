namespace ApprovalFlow.Web.Identity;

public static class AppRoles
{
    public const string Administrator = "Administrator";
    public const string Officer = "Officer";
    public const string Enterprise = "Enterprise";
    public const string Supervisor = "Supervisor";
    public const string PairedLeader = "PairedLeader";

    public static readonly IReadOnlyList<string> All = [Administrator, Officer, Enterprise, Supervisor, PairedLeader];
}
