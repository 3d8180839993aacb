namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>The "Calendar" configuration section.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>Where calendar-YYYY.json files are read; by default Features/Calendar/Data beside the app.</summary>
    public string? DataFolder { get; set; }

    /// <summary>
    /// How often (seconds) a server compares its cached days with the database, so that a change made through
    /// another server reaches it; 0 turns the check off.
    /// </summary>
    public int RefreshSeconds { get; set; } = 60;
}
