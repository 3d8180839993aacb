namespace ApprovalFlow.Web.Identity;

public static class AppClaimTypes
{
    public const string Department = "approvalflow:department";
    public const string County = "approvalflow:county";
}
