using System.Globalization;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Ui.Administration;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace ApprovalFlow.Ui.Tests.Administration;

/// <summary>One month of the holiday calendar editor: a Monday-first grid whose cells say what each day is and report clicks.</summary>
public sealed class CalendarMonthTests : BunitContext
{
    public CalendarMonthTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    // October 2026 as the State Council's notice arranges it: 1–7 off, Saturday 10 October worked.
    private static readonly Dictionary<DateOnly, CalendarDayView> October2026 =
        new[] { 1, 2, 3, 4, 5, 6, 7 }
            .Select(d => Day(new DateOnly(2026, 10, d), CalendarDayKinds.Holiday))
            .Append(Day(new DateOnly(2026, 10, 10), CalendarDayKinds.MakeUpWorkday))
            .ToDictionary(d => d.Date);

    private static CalendarDayView Day(DateOnly date, string kind) =>
        new(date, date.DayOfWeek.ToString(), kind, "国庆节、中秋节", "国办发明电〔2025〕7号", "calendar-2026.json", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    private IRenderedComponent<CalendarMonth> Render(DateOnly? selected = null, Action<DateOnly>? picked = null) =>
        Render<CalendarMonth>(p => p
            .Add(c => c.Year, 2026)
            .Add(c => c.Month, new CalendarMonthView(10, 16, 7, 1))
            .Add(c => c.Days, October2026)
            .Add(c => c.Selected, selected)
            .Add(c => c.OnPick, EventCallback.Factory.Create<DateOnly>(this, d => picked?.Invoke(d))));

    [Fact]
    public void Every_day_of_the_month_has_a_cell_named_by_its_date()
    {
        var month = Render();

        var cells = month.FindAll("[data-testid^='day-']");
        cells.Select(c => c.GetAttribute("data-testid")).ShouldBe(Enumerable.Range(1, 31).Select(d => $"day-2026-10-{d:00}"));
    }

    [Fact]
    public void Holidays_make_up_working_days_and_weekends_read_as_they_are()
    {
        var month = Render();

        var national = month.Find("[data-testid='day-2026-10-01']");
        national.GetAttribute("data-kind").ShouldBe(CalendarDayKinds.Holiday);
        national.GetAttribute("data-working").ShouldBe("false");
        national.ClassList.ShouldContain("af-cal-holiday");
        national.GetAttribute("title")!.ShouldContain("国办发明电〔2025〕7号");

        var worked = month.Find("[data-testid='day-2026-10-10']");
        worked.GetAttribute("data-kind").ShouldBe(CalendarDayKinds.MakeUpWorkday);
        worked.GetAttribute("data-working").ShouldBe("true");

        var sunday = month.Find("[data-testid='day-2026-10-11']");
        sunday.GetAttribute("data-kind").ShouldBe(CalendarDayKinds.Ordinary);
        sunday.GetAttribute("data-working").ShouldBe("false");
        sunday.ClassList.ShouldContain("af-cal-weekend");

        month.Find("[data-testid='day-2026-10-12']").GetAttribute("data-working").ShouldBe("true");
    }

    [Fact]
    public void Weeks_start_on_Monday_so_the_first_of_a_Thursday_follows_three_empty_cells()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var month = Render();

        // 1 October 2026 is a Thursday: seven heads, three blanks, then the 1st.
        var grid = month.Find(".af-cal-grid");
        var children = grid.Children.ToList();
        children.Take(7).Select(c => c.TextContent).ShouldBe(["一", "二", "三", "四", "五", "六", "日"]);
        children.Skip(7).Take(3).ShouldAllBe(c => c.TextContent == "" && c.GetAttribute("data-testid") == null);
        children[10].GetAttribute("data-testid").ShouldBe("day-2026-10-01");
    }

    [Fact]
    public void Clicking_a_day_picks_it_and_the_picked_day_is_marked()
    {
        DateOnly? picked = null;
        var month = Render(selected: new DateOnly(2026, 10, 8), picked: d => picked = d);

        month.Find("[data-testid='day-2026-10-08']").ClassList.ShouldContain("af-cal-selected");
        month.Find("[data-testid='day-2026-10-09']").ClassList.ShouldNotContain("af-cal-selected");

        month.Find("[data-testid='day-2026-10-09']").Click();

        picked.ShouldBe(new DateOnly(2026, 10, 9));
    }
}
