using ApprovalFlow.Web.Features.Calendar;
using static ApprovalFlow.Web.Tests.Calendar.OfficialCalendar;

namespace ApprovalFlow.Web.Tests.Calendar;

/// <summary>Deadlines on the official data, each worked out by hand from the notices.</summary>
public sealed class WorkingDayCalendarTests
{
    private readonly WorkingDayCalendar _calendar = Create();

    [Fact]
    public void Five_working_days_from_Thursday_23_January_2020_end_on_Friday_7_February_after_the_extended_Spring_Festival()
    {
        // 24-30 Jan holiday (国办发明电〔2019〕16号), 31 Jan-2 Feb holiday (国办发明电〔2020〕1号):
        // Mon 3, Tue 4, Wed 5, Thu 6, Fri 7 Feb.
        _calendar.AddWorkingDays(China(2020, 1, 23), 5).ShouldBe(EndOf(2020, 2, 7));
    }

    [Fact]
    public void Without_the_extension_the_same_limit_would_have_ended_on_Wednesday_5_February()
    {
        // The original notice alone: Fri 31 Jan, Sat 1 Feb (make-up), Mon 3, Tue 4, Wed 5 Feb.
        var original = Create(d => d.Notice != "国办发明电〔2020〕1号", (new DateOnly(2020, 2, 1), CalendarDayKind.MakeUpWorkday));

        original.AddWorkingDays(China(2020, 1, 23), 5).ShouldBe(EndOf(2020, 2, 5));
    }

    [Fact]
    public void Saturday_1_February_2020_is_no_longer_a_make_up_working_day()
    {
        _calendar.IsWorkingDay(new DateOnly(2020, 2, 1)).ShouldBeFalse();
        _calendar.IsWorkingDay(new DateOnly(2020, 1, 31)).ShouldBeFalse();
        _calendar.IsWorkingDay(new DateOnly(2020, 2, 3)).ShouldBeTrue();
    }

    [Fact]
    public void The_start_day_is_taken_in_China_Standard_Time()
    {
        // 23 Jan 2020 17:00 UTC is already Friday 24 Jan in China: the same five days follow.
        _calendar.AddWorkingDays(new DateTime(2020, 1, 23, 17, 0, 0, DateTimeKind.Utc), 5).ShouldBe(EndOf(2020, 2, 7));
        // 23 Jan 2020 15:59 UTC is still Thursday 23 Jan in China.
        _calendar.AddWorkingDays(new DateTime(2020, 1, 23, 15, 59, 0, DateTimeKind.Utc), 5).ShouldBe(EndOf(2020, 2, 7));
        // Sunday 19 Jan 2020 was a make-up working day: from Saturday 18 Jan, one working day is that Sunday.
        _calendar.AddWorkingDays(China(2020, 1, 18), 1).ShouldBe(EndOf(2020, 1, 19));
    }

    [Fact]
    public void A_deadline_is_the_last_tick_of_the_day_in_China_as_UTC()
    {
        var due = _calendar.AddWorkingDays(China(2020, 1, 23), 5);

        due.Kind.ShouldBe(DateTimeKind.Utc);
        due.ShouldBe(new DateTime(2020, 2, 7, 15, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999));
    }

    [Fact]
    public void Sunday_26_April_2020_is_a_make_up_working_day_and_counts()
    {
        _calendar.IsWorkingDay(new DateOnly(2020, 4, 26)).ShouldBeTrue();
        _calendar.IsWorkingDay(new DateOnly(2020, 5, 9)).ShouldBeTrue();
        _calendar.IsWorkingDay(new DateOnly(2020, 5, 1)).ShouldBeFalse();
        _calendar.IsWorkingDay(new DateOnly(2020, 5, 4)).ShouldBeFalse();

        // From Fri 24 Apr: Sun 26 Apr is the first working day.
        _calendar.AddWorkingDays(China(2020, 4, 24), 1).ShouldBe(EndOf(2020, 4, 26));
        // From Thu 30 Apr: 1-5 May holiday; Wed 6, Thu 7, Fri 8, then Sat 9 May (make-up).
        _calendar.AddWorkingDays(China(2020, 4, 30), 3).ShouldBe(EndOf(2020, 5, 8));
        _calendar.AddWorkingDays(China(2020, 4, 30), 4).ShouldBe(EndOf(2020, 5, 9));
    }

    [Fact]
    public void National_Day_2020_rests_1_to_8_October_and_works_27_September_and_10_October()
    {
        // From Fri 25 Sep: Sun 27 Sep, Mon 28, Tue 29, Wed 30 Sep, then (1-8 Oct off) Fri 9 Oct, Sat 10 Oct, Mon 12 Oct.
        var start = China(2020, 9, 25);
        _calendar.AddWorkingDays(start, 1).ShouldBe(EndOf(2020, 9, 27));
        _calendar.AddWorkingDays(start, 4).ShouldBe(EndOf(2020, 9, 30));
        _calendar.AddWorkingDays(start, 5).ShouldBe(EndOf(2020, 10, 9));
        _calendar.AddWorkingDays(start, 6).ShouldBe(EndOf(2020, 10, 10));
        _calendar.AddWorkingDays(start, 7).ShouldBe(EndOf(2020, 10, 12));
    }

    [Fact]
    public void Zero_working_days_end_with_the_start_day_as_in_the_engine_default()
    {
        _calendar.AddWorkingDays(China(2020, 1, 25), 0).ShouldBe(EndOf(2020, 1, 25));
    }

    [Fact]
    public void Days_not_listed_follow_Monday_to_Friday()
    {
        // 2030 has no data file: Fri 4 Jan 2030 + 1 is Mon 7 Jan.
        _calendar.AddWorkingDays(China(2030, 1, 4), 1).ShouldBe(EndOf(2030, 1, 7));
        _calendar.IsWorkingDay(new DateOnly(2030, 1, 1)).ShouldBeTrue("no notice for 2030 is loaded, so New Year is not known yet");
    }

    [Fact]
    public void Working_days_inside_a_pause_do_not_count()
    {
        // Mon 7 Sep 2020 + 5: Tue 8, Wed 9, Thu 10, Fri 11, Mon 14 Sep.
        var start = China(2020, 9, 7);
        _calendar.AddWorkingDays(start, 5, []).ShouldBe(EndOf(2020, 9, 14));

        // Paused from Wed 9 Sep 10:00 to Fri 11 Sep 10:00: Thu 10 and Fri 11 stand still, so
        // Tue 8, Wed 9, Mon 14, Tue 15, Wed 16 Sep.
        var paused = _calendar.AddWorkingDays(start, 5, [(China(2020, 9, 9), China(2020, 9, 11))]);

        paused.ShouldBe(EndOf(2020, 9, 16));
    }

    [Fact]
    public void Overlapping_pauses_stop_the_clock_once()
    {
        var start = China(2020, 9, 7);
        var paused = _calendar.AddWorkingDays(start, 5,
            [(China(2020, 9, 9), China(2020, 9, 10)), (China(2020, 9, 9, 15), China(2020, 9, 11))]);

        paused.ShouldBe(EndOf(2020, 9, 16));
    }

    [Fact]
    public void A_pause_within_one_day_or_after_the_deadline_moves_nothing()
    {
        var start = China(2020, 9, 7);
        _calendar.AddWorkingDays(start, 5, [(China(2020, 9, 9, 9), China(2020, 9, 9, 17))]).ShouldBe(EndOf(2020, 9, 14));
        _calendar.AddWorkingDays(start, 5, [(China(2020, 9, 15), China(2020, 9, 30))]).ShouldBe(EndOf(2020, 9, 14));
    }

    [Fact]
    public void A_pause_across_a_holiday_only_takes_the_working_days_it_covers()
    {
        // From Fri 25 Sep 2020 + 5 = Fri 9 Oct. Paused from Mon 28 Sep to Fri 9 Oct: Tue 29, Wed 30 Sep and Fri 9 Oct
        // stand still (1-8 Oct were off anyway), so Sun 27, Mon 28 Sep, Sat 10, Mon 12, Tue 13 Oct.
        var due = _calendar.AddWorkingDays(China(2020, 9, 25), 5, [(China(2020, 9, 28), China(2020, 10, 9))]);

        due.ShouldBe(EndOf(2020, 10, 13));
    }

    [Fact]
    public void An_open_pause_holds_the_deadline_back()
    {
        var start = China(2020, 9, 7);

        _calendar.AddWorkingDays(start, 5, [(China(2020, 9, 9), null)]).ShouldBeNull();
        // Ended before the pause began, the deadline stands.
        _calendar.AddWorkingDays(start, 2, [(China(2020, 9, 9), null)]).ShouldBe(EndOf(2020, 9, 9));
    }

    [Fact]
    public void A_pause_that_ends_before_it_starts_is_refused()
    {
        Should.Throw<ArgumentException>(() => _calendar.AddWorkingDays(China(2020, 9, 7), 5, [(China(2020, 9, 9), China(2020, 9, 8))]));
    }

    [Fact]
    public void Working_days_between_count_the_days_after_the_first_through_the_last()
    {
        var start = China(2020, 1, 23);
        var due = _calendar.AddWorkingDays(start, 5);

        _calendar.WorkingDaysBetween(start, due).ShouldBe(5);
        _calendar.WorkingDaysBetween(due, start).ShouldBe(-5);
        _calendar.WorkingDaysBetween(due, due).ShouldBe(0);
        // On Mon 3 Feb 2020, a step due on Fri 7 Feb has Tue-Fri left: 4 working days.
        _calendar.WorkingDaysBetween(China(2020, 2, 3), due).ShouldBe(4);
        // Checked on Mon 10 Feb, it is one working day overdue.
        _calendar.WorkingDaysBetween(China(2020, 2, 10), due).ShouldBe(-1);
    }

    [Fact]
    public void A_swapped_snapshot_is_in_force_at_once()
    {
        var calendar = Create();
        var day = new DateOnly(2020, 3, 2);
        calendar.IsWorkingDay(day).ShouldBeTrue();

        var previous = calendar.Replace(new CalendarSnapshot([KeyValuePair.Create(day, CalendarDayKind.Holiday)]));

        calendar.IsWorkingDay(day).ShouldBeFalse();
        previous.KindOf(new DateOnly(2020, 2, 1)).ShouldBe(CalendarDayKind.Holiday);
    }

    [Fact]
    public void Readers_never_see_half_a_reload()
    {
        var calendar = Create();
        var with = calendar.Snapshot;
        var without = Create(d => d.Date.Year != 2020).Snapshot;
        var start = China(2020, 1, 23);
        var answers = new System.Collections.Concurrent.ConcurrentBag<DateTime>();

        Parallel.For(0, 2000, i =>
        {
            if (i % 10 == 0) calendar.Replace(i % 20 == 0 ? with : without);
            else answers.Add(calendar.AddWorkingDays(start, 5));
        });

        // With 2020's days: Fri 7 Feb; with none: the weekday rule gives Thu 30 Jan. Nothing in between.
        answers.Distinct().ShouldBeSubsetOf([EndOf(2020, 2, 7), EndOf(2020, 1, 30)]);
    }
}
