namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>The China dates on which a deadline's clock stands still, from a list of paused intervals.</summary>
internal sealed class PausedDays
{
    private readonly List<(DateOnly After, DateOnly Through)> _closed = [];

    /// <summary>The start date of the earliest pause that has not ended: no day after it counts.</summary>
    public DateOnly? StopsForeverAfter { get; private set; }

    public static PausedDays From(IReadOnlyList<(DateTime From, DateTime? To)> pauses)
    {
        var result = new PausedDays();
        foreach (var (from, to) in pauses)
        {
            var after = ChinaStandardTime.DateOf(from);
            if (to is null)
            {
                if (result.StopsForeverAfter is null || after < result.StopsForeverAfter) result.StopsForeverAfter = after;
                continue;
            }
            if (to.Value < from) throw new ArgumentException($"A pause cannot end ({to:O}) before it starts ({from:O}).", nameof(pauses));
            result._closed.Add((after, ChinaStandardTime.DateOf(to.Value)));
        }
        return result;
    }

    public bool Contains(DateOnly day) =>
        (StopsForeverAfter is { } open && day > open) || _closed.Any(p => day > p.After && day <= p.Through);
}
