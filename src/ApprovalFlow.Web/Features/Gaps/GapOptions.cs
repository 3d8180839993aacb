namespace ApprovalFlow.Web.Features.Gaps;

public sealed class GapOptions
{
    public const string Section = "Gaps";

    /// <summary>Working days after the supplement deadline before an unsupplied gap is returned (退件); one public source names 15.</summary>
    public int GracePeriodWorkingDays { get; set; } = 15;
}
