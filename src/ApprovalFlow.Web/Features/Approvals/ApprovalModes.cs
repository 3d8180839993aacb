namespace ApprovalFlow.Web.Features.Approvals;

public static class ApprovalModes
{
    public const string Choices = "normal, virtual, pledgeSystem";

    public static bool TryRead(string? text, out ApprovalMode mode)
    {
        mode = ApprovalMode.Normal;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "normal": mode = ApprovalMode.Normal; return true;
            case "virtual": mode = ApprovalMode.Virtual; return true;
            case "pledgesystem" or "pledge-system": mode = ApprovalMode.PledgeSystem; return true;
            default: return false;
        }
    }

    public static string Term(this ApprovalMode mode) => mode switch
    {
        ApprovalMode.Virtual => "virtual",
        ApprovalMode.PledgeSystem => "pledgeSystem",
        _ => "normal",
    };
}
