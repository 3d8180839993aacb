using ApprovalFlow.Web.Features.Lights;
using Microsoft.Extensions.Options;
using static ApprovalFlow.Web.Tests.Calendar.OfficialCalendar;

namespace ApprovalFlow.Web.Tests.Lights;

/// <summary>The light of a working-day deadline on the official calendar, each case worked out by hand.</summary>
public sealed class LightRuleTests
{
    private static LightRule Rule(double share = 0.2, int minimum = 1) =>
        new(Create(), Options.Create(new LightOptions { YellowShare = share, MinimumYellowDays = minimum }));

    [Theory]
    [InlineData(10, 2)]
    [InlineData(20, 4)]
    [InlineData(11, 3)]
    [InlineData(3, 1)]
    [InlineData(1, 1)]
    public void Yellow_begins_at_the_share_of_the_limit_rounded_up_but_at_least_one_working_day(int limit, int threshold) =>
        Rule().YellowThreshold(limit).ShouldBe(threshold);

    [Fact]
    public void A_configured_minimum_outweighs_a_small_share() => Rule(share: 0.1, minimum: 3).YellowThreshold(10).ShouldBe(3);

    [Fact]
    public void Ten_working_days_due_Monday_16_March_2026_turn_yellow_on_Thursday_12_and_red_on_Tuesday_17()
    {
        var due = EndOf(2026, 3, 16);
        var rule = Rule();

        rule.Read(due, 10, China(2026, 3, 11)).ShouldSatisfyAllConditions(
            r => r.Light.ShouldBe(Light.Green), r => r.WorkingDaysLeft.ShouldBe(3));
        rule.Read(due, 10, China(2026, 3, 12, 0)).ShouldSatisfyAllConditions(
            r => r.Light.ShouldBe(Light.Yellow), r => r.WorkingDaysLeft.ShouldBe(2));
        rule.Read(due, 10, China(2026, 3, 16, 23)).ShouldSatisfyAllConditions(
            r => r.Light.ShouldBe(Light.Yellow), r => r.WorkingDaysLeft.ShouldBe(0), r => r.DueAt.ShouldBe(due));
        rule.Read(due, 10, China(2026, 3, 17, 0)).ShouldSatisfyAllConditions(
            r => r.Light.ShouldBe(Light.Red), r => r.WorkingDaysLeft.ShouldBe(-1));
        rule.Read(due, 10, China(2026, 3, 12)).YellowFrom.ShouldBe(China(2026, 3, 12, 0));
    }

    [Fact]
    public void The_weekend_before_a_Monday_deadline_counts_no_working_days()
    {
        // Due Monday 16 March: Friday 13, Saturday 14 and Sunday 15 all have one working day left (the Monday).
        var rule = Rule();
        var due = EndOf(2026, 3, 16);
        foreach (var day in new[] { 13, 14, 15 })
        {
            rule.Read(due, 10, China(2026, 3, day)).WorkingDaysLeft.ShouldBe(1, $"on {day} March");
        }
        rule.Read(due, 10, China(2026, 3, 14)).Light.ShouldBe(Light.Yellow);
    }

    [Fact]
    public void The_National_Day_holiday_keeps_a_deadline_green_across_it()
    {
        // 2025: 1-8 October holiday, Sunday 28 September and Saturday 11 October make-up working days.
        // Due Thursday 16 October with 10 working days: on Tuesday 30 September the days left are 9, 10, 11 (make-up), 13, 14,
        // 15 and 16 October = 7.
        var rule = Rule();
        var due = EndOf(2025, 10, 16);
        var reading = rule.Read(due, 10, China(2025, 9, 30));
        reading.WorkingDaysLeft.ShouldBe(7);
        reading.Light.ShouldBe(Light.Green);
        // Yellow (2 days left) begins on the 2nd working day before the due day: Tuesday 14 October.
        reading.YellowFrom.ShouldBe(China(2025, 10, 14, 0));
        rule.Read(due, 10, China(2025, 10, 13)).Light.ShouldBe(Light.Green);
        rule.Read(due, 10, China(2025, 10, 14)).Light.ShouldBe(Light.Yellow);
    }

    [Fact]
    public void A_paused_clock_is_read_at_the_moment_it_stopped()
    {
        var rule = Rule();
        var due = EndOf(2026, 3, 16);
        var paused = China(2026, 3, 9);

        var reading = rule.Read(due, 10, China(2026, 3, 20), pausedAtUtc: paused);

        reading.Light.ShouldBe(Light.Green, "the clock stood still on 9 March, a week before the deadline");
        reading.WorkingDaysLeft.ShouldBe(rule.Read(due, 10, paused).WorkingDaysLeft);
        rule.Read(due, 10, China(2026, 3, 20)).Light.ShouldBe(Light.Red, "the same deadline without the pause");
    }

    [Fact]
    public void Without_a_stored_limit_the_limit_is_the_working_days_from_the_start()
    {
        // Opened Monday 2 March, due Monday 16 March: 10 working days, so yellow from 2 days left.
        var rule = Rule();
        rule.Read(China(2026, 3, 2), EndOf(2026, 3, 16), China(2026, 3, 11)).Light.ShouldBe(Light.Green);
        rule.Read(China(2026, 3, 2), EndOf(2026, 3, 16), China(2026, 3, 12)).Light.ShouldBe(Light.Yellow);
    }
}
