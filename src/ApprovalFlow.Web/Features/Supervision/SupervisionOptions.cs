namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>Configuration section <c>Supervision</c>: when an open step counts as stalled (停滞).</summary>
public sealed class SupervisionOptions
{
    public const string Section = "Supervision";

    /// <summary>An open step with no action for this many working days is stalled even before its deadline (default 5).</summary>
    public int NoActionWorkingDays { get; set; } = 5;
}
