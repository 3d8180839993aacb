namespace ApprovalFlow.Web.Features;

public static class UtcTimes
{
    /// <summary>
    /// The engine stores UTC, but SQLite hands times back without a kind; marking them UTC makes the
    /// JSON carry the "Z" so that clients do not read them as local time.
    /// </summary>
    public static DateTime AsUtc(this DateTime time) =>
        time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Utc);

    public static DateTime? AsUtc(this DateTime? time) => time?.AsUtc();
}
