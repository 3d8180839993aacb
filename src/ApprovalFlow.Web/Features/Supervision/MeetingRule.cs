namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>Where a county must explain its ranking (the seed's rules).</summary>
public enum MeetingSummons
{
    None,

    /// <summary>政府常务会议说明: last on one indicator two months running.</summary>
    GovernmentExecutiveMeeting,

    /// <summary>党委会议说明: last on one indicator three months running, or on two indicators two months running.</summary>
    PartyCommitteeMeeting,
}

public sealed record MeetingVerdict(MeetingSummons Summons, IReadOnlyList<string> Reasons);

/// <summary>
/// The seed's consequences of last places, as a pure function of the indicators a county was last on in the month
/// judged and the months before it. The stricter summons wins; the reasons say which indicators brought it.
/// </summary>
public static class MeetingRule
{
    /// <param name="lastOn">The indicators the county was last on, month by month, oldest first, ending with the month judged.</param>
    public static MeetingVerdict Judge(IReadOnlyList<IReadOnlySet<RankingIndicator>> lastOn)
    {
        if (lastOn.Count == 0) return new(MeetingSummons.None, []);
        int Running(RankingIndicator indicator)
        {
            var months = 0;
            for (var i = lastOn.Count - 1; i >= 0 && lastOn[i].Contains(indicator); i--) months++;
            return months;
        }

        var runs = RankingIndicators.All.Select(i => (Indicator: i, Months: Running(i))).Where(r => r.Months >= 2).ToList();
        var threeRunning = runs.Where(r => r.Months >= 3).ToList();
        if (threeRunning.Count > 0 || runs.Count >= 2)
        {
            var reasons = threeRunning.Select(r => $"last on {r.Indicator.Term()} {r.Months} months running").ToList();
            if (runs.Count >= 2)
                reasons.Add($"last on {runs.Count} indicators 2 months running ({string.Join(", ", runs.Select(r => r.Indicator.Term()))})");
            return new(MeetingSummons.PartyCommitteeMeeting, reasons);
        }
        if (runs.Count == 1) return new(MeetingSummons.GovernmentExecutiveMeeting, [$"last on {runs[0].Indicator.Term()} 2 months running"]);
        return new(MeetingSummons.None, []);
    }

    public static string Term(this MeetingSummons summons) => summons switch
    {
        MeetingSummons.GovernmentExecutiveMeeting => "government-executive-meeting",
        MeetingSummons.PartyCommitteeMeeting => "party-committee-meeting",
        _ => "none",
    };

    public static string Heading(this MeetingSummons summons) => summons switch
    {
        MeetingSummons.GovernmentExecutiveMeeting => "政府常务会议说明",
        MeetingSummons.PartyCommitteeMeeting => "党委会议说明",
        _ => "",
    };
}
