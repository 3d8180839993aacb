using ApprovalFlow.Web.Features.Calendar;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Lights;

/// <summary>What the light of a deadline says at a moment, with the working days left (negative once overdue).</summary>
public sealed record LightReading(Light Light, int WorkingDaysLeft, DateTime DueAt, DateTime YellowFrom);

/// <summary>
/// Computes lights from working-day deadlines. Yellow begins when the working days left fall to
/// <c>max(MinimumYellowDays, ceil(limit × YellowShare))</c>; red begins the moment the deadline has passed.
/// A clock that stands still (a paused step) is read at the moment it stopped, so its light does not change while paused.
/// </summary>
public sealed class LightRule(WorkingDayCalendar calendar, IOptions<LightOptions> options)
{
    /// <summary>Working days left at which the light turns yellow, for a time limit of <paramref name="limitWorkingDays"/>.</summary>
    public int YellowThreshold(int limitWorkingDays)
    {
        var o = options.Value;
        var share = (int)Math.Ceiling(Math.Max(0, limitWorkingDays) * o.YellowShare);
        return Math.Max(o.MinimumYellowDays, share);
    }

    /// <summary>
    /// The light at <paramref name="nowUtc"/> of a deadline <paramref name="dueAtUtc"/> that runs over
    /// <paramref name="limitWorkingDays"/> working days; <paramref name="pausedAtUtc"/> freezes the reading at that moment.
    /// </summary>
    public LightReading Read(DateTime dueAtUtc, int limitWorkingDays, DateTime nowUtc, DateTime? pausedAtUtc = null)
    {
        var at = pausedAtUtc is { } paused && paused < nowUtc ? paused : nowUtc;
        var left = calendar.WorkingDaysBetween(at, dueAtUtc);
        var threshold = YellowThreshold(limitWorkingDays);
        var yellowFrom = YellowFrom(dueAtUtc, threshold);
        var light = at > dueAtUtc ? Light.Red : left <= threshold ? Light.Yellow : Light.Green;
        return new LightReading(light, at > dueAtUtc ? Math.Min(left, -1) : left, dueAtUtc, yellowFrom);
    }

    /// <summary>The light of a deadline whose limit is not stored: the limit is the working days from its start to the deadline.</summary>
    public LightReading Read(DateTime startUtc, DateTime dueAtUtc, DateTime nowUtc) =>
        Read(dueAtUtc, Math.Max(1, calendar.WorkingDaysBetween(startUtc, dueAtUtc)), nowUtc);

    /// <summary>
    /// The moment (start of that day, China time, as UTC) from which the light is yellow: the first day from which at
    /// most <paramref name="threshold"/> working days are left, i.e. the (threshold+1)-th working day counted back from
    /// the due day. Chasing jobs are scheduled for it.
    /// </summary>
    public DateTime YellowFrom(DateTime dueAtUtc, int threshold)
    {
        var day = ChinaStandardTime.DateOf(dueAtUtc);
        var counted = 0;
        for (var guard = 0; guard < 3660; guard++)
        {
            if (calendar.IsWorkingDay(day) && ++counted > threshold) return ChinaStandardTime.StartOfDayUtc(day);
            day = day.AddDays(-1);
        }
        throw new InvalidOperationException("No working day found within ten years before the deadline.");
    }
}
