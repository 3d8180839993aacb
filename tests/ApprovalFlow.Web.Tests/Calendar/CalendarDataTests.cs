using ApprovalFlow.Web.Features.Calendar;

namespace ApprovalFlow.Web.Tests.Calendar;

/// <summary>
/// The shipped files against the notices, transcribed here by hand a second time: the make-up working days each
/// notice names ("…（星期日）上班") and the number of days off it gives.
/// </summary>
public sealed class CalendarDataTests
{
    public static TheoryData<int, string[], string[], int> Notices => new()
    {
        { 2020, ["国办发明电〔2019〕16号", "国办发明电〔2020〕1号"], ["01-19", "04-26", "05-09", "06-28", "09-27", "10-10"], 1 + 7 + 3 + 3 + 5 + 3 + 8 },
        { 2021, ["国办发明电〔2020〕27号"], ["02-07", "02-20", "04-25", "05-08", "09-18", "09-26", "10-09"], 3 + 7 + 3 + 5 + 3 + 3 + 7 },
        { 2022, ["国办发明电〔2021〕11号", "国办发明电〔2022〕16号"], ["01-29", "01-30", "04-02", "04-24", "05-07", "10-08", "10-09"], 3 + 7 + 3 + 5 + 3 + 3 + 7 + 1 },
        { 2023, ["国办发明电〔2022〕16号"], ["01-28", "01-29", "04-23", "05-06", "06-25", "10-07", "10-08"], 2 + 7 + 1 + 5 + 3 + 8 },
        { 2024, ["国办发明电〔2023〕7号"], ["02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12"], 1 + 8 + 3 + 5 + 1 + 3 + 7 },
        { 2025, ["国办发明电〔2024〕12号"], ["01-26", "02-08", "04-27", "09-28", "10-11"], 1 + 8 + 3 + 5 + 3 + 8 },
        { 2026, ["国办发明电〔2025〕7号"], ["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"], 3 + 9 + 3 + 5 + 3 + 3 + 7 },
    };

    /// <summary>
    /// 2027 ships before its notice: the statutory days of the holidays law as amended by 国务院令第795号 (元旦 1, 春节 4 from
    /// the eve, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3), the lunar dates worked out with .NET's ChineseLunisolarCalendar.
    /// </summary>
    [Fact]
    public void The_2027_file_holds_the_thirteen_statutory_days_until_the_notice_and_says_so()
    {
        var file = OfficialCalendar.Files.Single(f => f.Year == 2027);
        file.Notices.Single().Number.ShouldBe("国务院令第795号");
        file.Provisional.ShouldNotBeNullOrWhiteSpace();
        file.Days.ShouldAllBe(d => d.Kind == CalendarDayKinds.Holiday);
        var lunar = new System.Globalization.ChineseLunisolarCalendar();
        var newYear = DateOnly.FromDateTime(lunar.ToDateTime(2027, 1, 1, 0, 0, 0, 0));
        DateOnly[] expected =
        [
            new(2027, 1, 1), newYear.AddDays(-1), newYear, newYear.AddDays(1), newYear.AddDays(2), new(2027, 4, 5),
            new(2027, 5, 1), new(2027, 5, 2), DateOnly.FromDateTime(lunar.ToDateTime(2027, 5, 5, 0, 0, 0, 0)),
            DateOnly.FromDateTime(lunar.ToDateTime(2027, 8, 15, 0, 0, 0, 0)), new(2027, 10, 1), new(2027, 10, 2), new(2027, 10, 3),
        ];
        file.Days.Select(d => d.Date).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(Notices))]
    public void Each_year_matches_its_notices(int year, string[] notices, string[] makeUpWorkdays, int daysOff)
    {
        var file = OfficialCalendar.Files.SingleOrDefault(f => f.Year == year);

        file.ShouldNotBeNull($"calendar-{year}.json is missing");
        file.Notices.Select(n => n.Number).ShouldBe(notices);
        file.Notices.ShouldAllBe(n => n.Title.StartsWith("国务院办公厅关于") && n.Issued.Year <= year);
        file.Days.Where(d => d.Kind == CalendarDayKinds.MakeUpWorkday).Select(d => d.Date.ToString("MM-dd")).ShouldBe(makeUpWorkdays);
        file.Days.Count(d => d.Kind == CalendarDayKinds.Holiday).ShouldBe(daysOff);
    }

    [Fact]
    public void Every_year_from_2020_to_2027_ships_a_file()
    {
        OfficialCalendar.Files.Select(f => f.Year).ShouldBe([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    }

    [Fact]
    public void The_2020_extension_turned_31_January_to_2_February_into_days_off()
    {
        var days = OfficialCalendar.Files.Single(f => f.Year == 2020).Days
            .Where(d => d.Notice == "国办发明电〔2020〕1号").ToList();

        days.Select(d => d.Date).ShouldBe([new DateOnly(2020, 1, 31), new DateOnly(2020, 2, 1), new DateOnly(2020, 2, 2)]);
        days.ShouldAllBe(d => d.Kind == CalendarDayKinds.Holiday && d.Name == "春节");
    }

    [Fact]
    public void Holidays_carry_the_names_the_notices_give_them()
    {
        string[] names = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节", "国庆节、中秋节", "中秋节、国庆节"];

        OfficialCalendar.Files.SelectMany(f => f.Days).Select(d => d.Name).Distinct().ShouldBeSubsetOf(names);
    }

    [Fact]
    public void A_file_with_a_make_up_working_day_on_a_weekday_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), "approvalflow-tests", Guid.NewGuid().ToString("N"), "calendar-2020.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, """
            {"year": 2020, "notices": [{"number": "N1", "title": "T", "issued": "2019-11-21"}],
             "days": [{"date": "2020-01-20", "kind": "makeUpWorkday", "name": "春节", "notice": "N1"},
                      {"date": "2021-01-01", "kind": "holiday", "name": "元旦", "notice": "N2"}]}
            """);

        var refused = Should.Throw<InvalidDataException>(() => CalendarDataFiles.Read(path));

        refused.Message.ShouldContain("2020-01-20 is a make-up working day on a Monday");
        refused.Message.ShouldContain("2021-01-01 is not in 2020");
        refused.Message.ShouldContain("names a notice the file does not list: N2");
    }
}
