namespace ApprovalFlow.Web.Features.Chasing;

/// <summary>Configuration section <c>Chasing</c>: the ladder and its sweep.</summary>
public sealed class ChasingOptions
{
    public const string Section = "Chasing";

    /// <summary>Working days a step stays red before the paired leader and the supervisors are told (default 3).</summary>
    public int LeaderEscalationWorkingDays { get; set; } = 3;

    /// <summary>Cron of the recurring <c>chase-sweep</c> job (default every five minutes).</summary>
    public string SweepCron { get; set; } = "*/5 * * * *";

    /// <summary>
    /// The longest step time limit (working days) the sweep looks ahead for (default 60): it reads only steps due
    /// within the yellow threshold of such a limit, so a longer limit would turn yellow before the sweep sees it.
    /// </summary>
    public int LongestTimeLimitWorkingDays { get; set; } = 60;

    /// <summary>
    /// How many due rungs the sweep fires in one command and transaction (default 500): the batch's subjects, recipients
    /// and chase records are read and written with a handful of set-based statements, whatever its size.
    /// </summary>
    public int SweepBatchSize { get; set; } = 500;
}
