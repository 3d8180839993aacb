using ApprovalFlow.Web.Features.Supervision;
using static ApprovalFlow.Web.Features.Supervision.RankingIndicator;

namespace ApprovalFlow.Web.Tests.Supervision;

public sealed class MeetingRuleTests
{
    private static IReadOnlyList<IReadOnlySet<RankingIndicator>> Months(params RankingIndicator[][] months) =>
        [.. months.Select(m => (IReadOnlySet<RankingIndicator>)m.ToHashSet())];

    [Fact]
    public void Last_on_one_indicator_two_months_running_is_explained_at_the_government_executive_meeting()
    {
        var verdict = MeetingRule.Judge(Months([], [Overdue], [Overdue]));
        verdict.Summons.ShouldBe(MeetingSummons.GovernmentExecutiveMeeting);
        verdict.Summons.Heading().ShouldBe("政府常务会议说明");
        verdict.Reasons.ShouldBe(["last on overdue 2 months running"]);
    }

    [Fact]
    public void Last_once_or_in_months_that_do_not_follow_each_other_brings_no_summons()
    {
        MeetingRule.Judge(Months([], [], [Overdue])).Summons.ShouldBe(MeetingSummons.None);
        MeetingRule.Judge(Months([Overdue], [], [Overdue])).Summons.ShouldBe(MeetingSummons.None);
        MeetingRule.Judge(Months([Overdue], [Completed], [ShareDecidedWithinLimit])).Summons.ShouldBe(MeetingSummons.None);
        MeetingRule.Judge(Months([Overdue], [Overdue], [])).Summons.ShouldBe(MeetingSummons.None, "the judged month must be one of the run");
    }

    [Fact]
    public void Last_on_one_indicator_three_months_running_is_explained_at_the_party_committee_meeting()
    {
        var verdict = MeetingRule.Judge(Months([Completed], [Completed], [Completed]));
        verdict.Summons.ShouldBe(MeetingSummons.PartyCommitteeMeeting);
        verdict.Summons.Heading().ShouldBe("党委会议说明");
        verdict.Reasons.ShouldBe(["last on completed 3 months running"]);
    }

    [Fact]
    public void Last_on_two_indicators_two_months_running_is_explained_at_the_party_committee_meeting()
    {
        var verdict = MeetingRule.Judge(Months([], [Overdue, AverageWorkingDaysToDecide], [AverageWorkingDaysToDecide, Overdue]));
        verdict.Summons.ShouldBe(MeetingSummons.PartyCommitteeMeeting);
        verdict.Reasons.ShouldBe(["last on 2 indicators 2 months running (overdue, averageWorkingDaysToDecide)"]);
    }

    [Fact]
    public void Two_indicators_last_in_different_months_are_only_one_run()
    {
        MeetingRule.Judge(Months([], [Overdue, Completed], [Overdue, P90WorkingDaysToDecide])).Summons
            .ShouldBe(MeetingSummons.GovernmentExecutiveMeeting);
    }

    [Fact]
    public void Ties_share_the_better_rank_and_nobody_is_last_when_everyone_ties()
    {
        var ranks = CountyRanks.Of(new Dictionary<string, double?> { ["a"] = 3, ["b"] = 1, ["c"] = 1, ["d"] = 3, ["e"] = null }, higherIsBetter: false);
        ranks["b"].Position.ShouldBe(1);
        ranks["c"].Position.ShouldBe(1);
        ranks["a"].Position.ShouldBe(3);
        ranks["a"].Last.ShouldBeTrue();
        ranks["d"].Last.ShouldBeTrue("ties at the worst value are all last");
        ranks["b"].Last.ShouldBeFalse();
        ranks.ContainsKey("e").ShouldBeFalse("a county without a value is not ranked");

        var higher = CountyRanks.Of(new Dictionary<string, double?> { ["a"] = 0.5, ["b"] = 1.0 }, higherIsBetter: true);
        higher["b"].Position.ShouldBe(1);
        higher["a"].Last.ShouldBeTrue();

        CountyRanks.Of(new Dictionary<string, double?> { ["a"] = 2, ["b"] = 2 }, false).Values.ShouldAllBe(r => !r.Last && r.Position == 1);
        CountyRanks.Of(new Dictionary<string, double?> { ["a"] = 2 }, false)["a"].Last.ShouldBeFalse("one county alone is not last");
    }

    [Fact]
    public void The_90th_percentile_is_the_nearest_rank()
    {
        SupervisionFiguresQuery.NearestRank([2, 5, 7], 0.9).ShouldBe(7);
        SupervisionFiguresQuery.NearestRank([.. Enumerable.Range(1, 10)], 0.9).ShouldBe(9);
        SupervisionFiguresQuery.NearestRank([4], 0.9).ShouldBe(4);
        SupervisionFiguresQuery.NearestRank([], 0.9).ShouldBeNull();
    }

    [Fact]
    public void The_90th_percentile_of_counted_values_is_the_same_nearest_rank()
    {
        SupervisionFiguresQuery.NearestRankOfCounted([(7, 1), (2, 1), (5, 1)], 0.9).ShouldBe(7);
        SupervisionFiguresQuery.NearestRankOfCounted([(1, 9), (10, 1)], 0.9).ShouldBe(1);
        SupervisionFiguresQuery.NearestRankOfCounted([(1, 8), (10, 2)], 0.9).ShouldBe(10);
        SupervisionFiguresQuery.NearestRankOfCounted([(3, 0)], 0.9).ShouldBeNull();
        SupervisionFiguresQuery.NearestRankOfCounted([], 0.9).ShouldBeNull();
    }
}
