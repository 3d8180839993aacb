namespace ApprovalFlow.Web.Features.Lights;

/// <summary>Configuration section <c>Lights</c>: when a deadline turns yellow.</summary>
public sealed class LightOptions
{
    public const string Section = "Lights";

    /// <summary>Yellow once the remaining working days are at most this share of the time limit (default 20%).</summary>
    public double YellowShare { get; set; } = 0.2;

    /// <summary>...but never fewer than this many working days (default 1: the due day itself is yellow).</summary>
    public int MinimumYellowDays { get; set; } = 1;

    /// <summary>
    /// Working days a department has to verify a pledge (事后核查) from the moment its verification task opens (default 20):
    /// the shipped pledge-system workflow sets no deadline on that task, so its light and chasing count from here.
    /// </summary>
    public int PledgeVerificationWorkingDays { get; set; } = 20;
}
