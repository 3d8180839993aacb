using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Calendar;

/// <summary>
/// The calendar through the API, on each database. Tests that change days keep to years of their own (2021, 2022,
/// 2024, and the weeks after today), so the read-only ones on 2020 and the notices hold in any order.
/// </summary>
public abstract class CalendarScenarios(WebAppFactory factory)
{
    private const string DeadlineModel = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:af="http://approvalflow.org/schema/1.0/bpmn"
                          id="calendar-deadline-definitions" targetNamespace="http://approvalflow.org/tests">
          <bpmn:process id="calendar-deadline" name="Calendar deadline" isExecutable="true">
            <bpmn:startEvent id="submitted" />
            <bpmn:sequenceFlow id="to-review" sourceRef="submitted" targetRef="review" />
            <bpmn:userTask id="review" name="Review within five working days" af:candidateGroups="natural-resources" af:timeLimitDays="5" />
            <bpmn:sequenceFlow id="to-done" sourceRef="review" targetRef="done" />
            <bpmn:endEvent id="done" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static TheoryData<int, string> YearNotices => new()
    {
        { 2020, "国办发明电〔2019〕16号" },
        { 2020, "国办发明电〔2020〕1号" },
        { 2021, "国办发明电〔2020〕27号" },
        { 2022, "国办发明电〔2021〕11号" },
        { 2023, "国办发明电〔2022〕16号" },
        { 2024, "国办发明电〔2023〕7号" },
        { 2025, "国办发明电〔2024〕12号" },
        { 2026, "国办发明电〔2025〕7号" },
    };

    [Theory]
    [MemberData(nameof(YearNotices))]
    public async Task Every_year_from_2020_to_2026_is_loaded_with_its_notice_named(int year, string notice)
    {
        var enterprise = await factory.ClientForAsync(Accounts.Enterprise);

        var view = await (await enterprise.GetAsync($"/api/calendar/{year}")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        view["notices"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldContain(n => n.StartsWith(notice + " 国务院办公厅关于"));
        view["dataFile"]!.GetValue<string>().ShouldBe($"calendar-{year}.json");
        view["days"]!.AsArray().Select(d => d!["source"]!.GetValue<string>()).ShouldContain(notice);
    }

    [Fact]
    public async Task The_year_2020_at_a_glance_counts_the_working_days_of_each_month()
    {
        var officer = await factory.ClientForAsync(Accounts.Officer);

        var view = await (await officer.GetAsync("/api/calendar/2020")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        // January: 23 weekdays less 1 Jan and 24, 27-31 Jan, plus Sun 19 Jan. February: 20 weekdays, the make-up
        // Saturday 1 Feb cancelled. September: 22 weekdays plus Sun 27 Sep. October: 22 weekdays less 1-2 and
        // 5-8 Oct, plus Sat 10 Oct.
        var months = view["months"]!.AsArray().ToDictionary(m => m!["month"]!.GetValue<int>(), m => m!["workingDays"]!.GetValue<int>());
        months[1].ShouldBe(17);
        months[2].ShouldBe(20);
        months[9].ShouldBe(23);
        months[10].ShouldBe(17);
        view["workingDays"]!.GetValue<int>().ShouldBe(249);
        var days = view["days"]!.AsArray();
        days.Count.ShouldBe(36);
        var firstFebruary = days.Single(d => d!["date"]!.GetValue<string>() == "2020-02-01")!;
        firstFebruary["kind"]!.GetValue<string>().ShouldBe("holiday");
        firstFebruary["name"]!.GetValue<string>().ShouldBe("春节");
        firstFebruary["source"]!.GetValue<string>().ShouldBe("国办发明电〔2020〕1号");
        firstFebruary["dayOfWeek"]!.GetValue<string>().ShouldBe("Saturday");
        firstFebruary["changedAt"]!.GetValue<string>().ShouldEndWith("Z");
    }

    [Fact]
    public async Task A_year_without_a_notice_follows_the_ordinary_rule()
    {
        var officer = await factory.ClientForAsync(Accounts.Officer);

        var view = await (await officer.GetAsync("/api/calendar/2031")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        view["notices"]!.AsArray().ShouldBeEmpty();
        view["days"]!.AsArray().ShouldBeEmpty();
        view["workingDays"]!.GetValue<int>().ShouldBe(261, "2031 has 261 weekdays");
    }

    [Fact]
    public async Task The_deadline_query_counts_across_the_extended_Spring_Festival()
    {
        var enterprise = await factory.ClientForAsync(Accounts.Enterprise);

        var deadline = await (await enterprise.GetAsync("/api/calendar/working-days?from=2020-01-23&days=5")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        deadline["dueDate"]!.GetValue<string>().ShouldBe("2020-02-07");
        deadline["dueAt"]!.GetValue<string>().ShouldBe("2020-02-07T15:59:59.9999999Z");
        deadline["startDate"]!.GetValue<string>().ShouldBe("2020-01-23");
    }

    [Fact]
    public async Task The_deadline_query_takes_an_instant_with_its_offset()
    {
        var enterprise = await factory.ClientForAsync(Accounts.Enterprise);

        // 2020-09-24T18:00Z is Fri 25 Sep 02:00 in China: Sun 27, Mon 28, Tue 29, Wed 30 Sep, Fri 9 Oct.
        var utc = await (await enterprise.GetAsync("/api/calendar/working-days?from=2020-09-24T18:00:00Z&days=5")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var china = await (await enterprise.GetAsync("/api/calendar/working-days?from=2020-09-25T02:00:00%2B08:00&days=6")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        utc["dueDate"]!.GetValue<string>().ShouldBe("2020-10-09");
        china["dueDate"]!.GetValue<string>().ShouldBe("2020-10-10");
    }

    [Fact]
    public async Task A_deadline_query_without_a_usable_start_or_count_names_the_field()
    {
        var enterprise = await factory.ClientForAsync(Accounts.Enterprise);

        var noOffset = await (await enterprise.GetAsync("/api/calendar/working-days?from=2020-01-23T10:00:00&days=5")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var negative = await (await enterprise.GetAsync("/api/calendar/working-days?from=2020-01-23&days=-1")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        noOffset["errors"]!["from"].ShouldNotBeNull();
        negative["errors"]!["days"].ShouldNotBeNull();
    }

    [Fact]
    public async Task An_administrators_holiday_moves_an_open_tasks_due_date_by_one_working_day_and_clearing_it_moves_it_back()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var content = new StringContent(DeadlineModel, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        await (await admin.PostAsync("/api/definitions", content)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var instanceId = await admin.StartAsync("calendar-deadline");
        var task = (await admin.GetJsonArrayAsync($"/api/tasks?instanceId={instanceId}")).Single()!;
        var taskId = task["id"]!.GetValue<Guid>();
        var createdOn = ChinaDate(task["createdAt"]!.GetValue<DateTime>());
        var days = new ListedDays(admin);

        // The engine counted on this calendar: the fifth working day after the day the task was created.
        var dueOn = await days.NthWorkingDayAfterAsync(createdOn, 5);
        ShouldBeEndOf(task["dueAt"]!.GetValue<DateTime>(), dueOn);

        var target = await days.NthWorkingDayAfterAsync(createdOn, 1);
        var changed = await (await admin.PutAsJsonAsync($"/api/calendar/days/{target:yyyy-MM-dd}",
            new { kind = "holiday", name = "临时放假", reason = "Test: a holiday declared inside the task's window" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        changed["isWorkingDay"]!.GetValue<bool>().ShouldBeFalse();
        changed["engineDeadlinesMoved"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);

        days.Forget();
        var movedTo = await days.NthWorkingDayAfterAsync(dueOn, 1);
        var moved = await (await admin.GetAsync($"/api/tasks/{taskId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        ShouldBeEndOf(moved["dueAt"]!.GetValue<DateTime>(), movedTo);

        var cleared = await (await admin.DeleteAsync($"/api/calendar/days/{target:yyyy-MM-dd}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        cleared["kind"]!.GetValue<string>().ShouldBe("ordinary");
        var back = await (await admin.GetAsync($"/api/tasks/{taskId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        ShouldBeEndOf(back["dueAt"]!.GetValue<DateTime>(), dueOn);
    }

    [Fact]
    public async Task A_non_administrator_is_refused_and_nothing_is_written()
    {
        var officer = await factory.ClientForAsync(Accounts.Officer);

        var set = await officer.PutAsJsonAsync("/api/calendar/days/2023-03-01", new { kind = "holiday", name = "x", reason = "y" });
        var clear = await officer.DeleteAsync("/api/calendar/days/2023-01-23");

        await set.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await clear.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Set<CalendarDay>().AnyAsync(d => d.Date == new DateOnly(2023, 3, 1))).ShouldBeFalse();
        var springFestival = await db.Set<CalendarDay>().SingleAsync(d => d.Date == new DateOnly(2023, 1, 23));
        springFestival.Kind.ShouldBe(CalendarDayKind.Holiday);
        springFestival.ChangedBy.ShouldBe("data file calendar-2023.json");
        scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>().IsWorkingDay(new DateOnly(2023, 3, 1)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_change_with_a_bad_field_names_the_field_and_writes_nothing()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);

        var badKind = await (await admin.PutAsJsonAsync("/api/calendar/days/2023-03-01", new { kind = "weekend", name = "x", reason = "y" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var noName = await (await admin.PutAsJsonAsync("/api/calendar/days/2023-03-01", new { kind = "holiday", reason = "y" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var badDate = await (await admin.PutAsJsonAsync("/api/calendar/days/2023-13-01", new { kind = "holiday", name = "x", reason = "y" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        badKind["errors"]!["kind"].ShouldNotBeNull();
        noName["errors"]!["name"].ShouldNotBeNull();
        badDate["errors"]!["date"].ShouldNotBeNull();
        var view = await (await admin.GetAsync("/api/calendar/2023")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        view["days"]!.AsArray().ShouldNotContain(d => d!["date"]!.GetValue<string>() == "2023-03-01");
    }

    [Fact]
    public async Task A_make_up_working_day_on_a_weekday_is_refused_by_rule()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);

        var response = await admin.PutAsJsonAsync("/api/calendar/days/2023-03-01", new { kind = "makeUpWorkday", name = "春节", reason = "y" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem["detail"]!.GetValue<string>().ShouldContain("须为星期六或星期日");
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<CalendarDay>().AnyAsync(d => d.Date == new DateOnly(2023, 3, 1))).ShouldBeFalse();
    }

    [Fact]
    public async Task Clearing_a_make_up_working_day_returns_it_to_the_weekend_and_setting_it_brings_it_back()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);

        var cleared = await (await admin.DeleteAsync("/api/calendar/days/2022-10-08")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var october = await OctoberWorkingDaysAsync(admin);
        var again = await (await admin.DeleteAsync("/api/calendar/days/2022-10-08")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var set = await (await admin.PutAsJsonAsync("/api/calendar/days/2022-10-08",
            new { kind = "makeUpWorkday", name = "国庆节", reason = "国办发明电〔2021〕11号" })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        cleared["kind"]!.GetValue<string>().ShouldBe("ordinary");
        cleared["isWorkingDay"]!.GetValue<bool>().ShouldBeFalse();
        october.ShouldBe(17, "October 2022 has 18 working days with its two make-up days");
        again["engineDeadlinesMoved"]!.GetValue<int>().ShouldBe(0);
        set["isWorkingDay"]!.GetValue<bool>().ShouldBeTrue();
        set["changedBy"]!.GetValue<string>().ShouldBe(Accounts.Admin.Email);
        (await OctoberWorkingDaysAsync(admin)).ShouldBe(18);
    }

    [Fact]
    public async Task Seeding_again_never_overwrites_an_administrators_edit()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        await (await admin.PutAsJsonAsync("/api/calendar/days/2021-02-07",
            new { kind = "holiday", name = "春节", reason = "Test: a local order kept this Sunday off" })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<CalendarSeeder>().SeedAsync()).ShouldBeEmpty("every shipped year is seeded already");
        }
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // As if 2021 had never been seeded, with one of its days missing.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<CalendarYear>().Where(y => y.Year == 2021).ExecuteDeleteAsync();
            await db.Set<CalendarDay>().Where(d => d.Date == new DateOnly(2021, 2, 11)).ExecuteDeleteAsync();
            (await scope.ServiceProvider.GetRequiredService<CalendarSeeder>().SeedAsync()).ShouldBe([2021]);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var edited = await db.Set<CalendarDay>().SingleAsync(d => d.Date == new DateOnly(2021, 2, 7));
            edited.Kind.ShouldBe(CalendarDayKind.Holiday);
            edited.ChangedBy.ShouldBe(Accounts.Admin.Email);
            edited.Source.ShouldBe("Test: a local order kept this Sunday off");
            var restored = await db.Set<CalendarDay>().SingleAsync(d => d.Date == new DateOnly(2021, 2, 11));
            restored.Source.ShouldBe("国办发明电〔2020〕27号");
            (await db.Set<CalendarDay>().CountAsync(d => d.Date >= new DateOnly(2021, 1, 1) && d.Date <= new DateOnly(2021, 12, 31))).ShouldBe(38);
        }
    }

    [Fact]
    public async Task A_year_seeded_from_the_statutory_days_takes_the_notices_days_when_a_file_names_the_notice()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        await (await admin.PutAsJsonAsync("/api/calendar/days/2021-09-18",
            new { kind = "holiday", name = "中秋节", reason = "Test: kept off by a local order" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // As if 2021 had been seeded from a provisional file (its statutory days only, another notice), then its
            // notice's file shipped: the make-up working day Sun 7 Feb was not there yet.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<CalendarYear>().Where(y => y.Year == 2021)
                .ExecuteUpdateAsync(s => s.SetProperty(y => y.Notices, "国务院令第795号 国务院关于修改《全国年节及纪念日放假办法》的决定"));
            await db.Set<CalendarDay>().Where(d => d.Date == new DateOnly(2021, 2, 20)).ExecuteDeleteAsync();
            (await scope.ServiceProvider.GetRequiredService<CalendarSeeder>().SeedAsync()).ShouldBe([2021]);
            (await scope.ServiceProvider.GetRequiredService<CalendarSeeder>().SeedAsync()).ShouldBeEmpty("the notice's file is seeded once");
        }
        await using (var check = factory.Services.CreateAsyncScope())
        {
            var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Set<CalendarYear>().SingleAsync(y => y.Year == 2021)).Notices.ShouldStartWith("国办发明电〔2020〕27号");
            (await db.Set<CalendarDay>().SingleAsync(d => d.Date == new DateOnly(2021, 2, 20))).Kind.ShouldBe(CalendarDayKind.MakeUpWorkday);
            var edited = await db.Set<CalendarDay>().SingleAsync(d => d.Date == new DateOnly(2021, 9, 18));
            edited.Kind.ShouldBe(CalendarDayKind.Holiday, "an administrator's edit stays");
            edited.ChangedBy.ShouldBe(Accounts.Admin.Email);
        }
    }

    [Fact]
    public async Task A_change_made_through_another_server_reaches_the_cache_at_the_next_refresh()
    {
        var day = new DateOnly(2024, 3, 4);
        var calendar = factory.Services.GetRequiredService<WorkingDayCalendar>();
        var refresh = factory.Services.GetRequiredService<CalendarStartup>();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(new CalendarDay { Date = day, Kind = CalendarDayKind.Holiday, Name = "x", Source = "another server", ChangedBy = "someone", ChangedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        calendar.IsWorkingDay(day).ShouldBeTrue("this server has not looked yet");

        (await refresh.RefreshAsync(CancellationToken.None)).ShouldBeTrue();
        calendar.IsWorkingDay(day).ShouldBeFalse();
        (await refresh.RefreshAsync(CancellationToken.None)).ShouldBeFalse("nothing changed since");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<CalendarDay>().Where(d => d.Date == day).ExecuteDeleteAsync();
        }
        (await refresh.RefreshAsync(CancellationToken.None)).ShouldBeTrue();
        calendar.IsWorkingDay(day).ShouldBeTrue();
    }

    [Fact]
    public async Task Every_listener_is_told_with_the_new_days_in_force_and_a_failing_one_rolls_the_change_back()
    {
        var log = new ListenerLog { Watch = new DateOnly(2024, 5, 20) };
        // A second host on the same database, as a second server with a feature that listens.
        await using var server = factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddSingleton(log);
            s.AddScoped<ICalendarChangedListener, RecordingListener>();
        }));
        var admin = await server.ClientForAsync(Accounts.Admin);

        await (await admin.PutAsJsonAsync("/api/calendar/days/2024-05-20",
            new { kind = "holiday", name = "临时放假", reason = "Test: listeners" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        log.WatchWasWorkingDay.ShouldBe([false]);

        log.ThrowNext = true;
        var failed = await admin.PutAsJsonAsync("/api/calendar/days/2024-05-21", new { kind = "holiday", name = "临时放假", reason = "Test: listeners" });

        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        server.Services.GetRequiredService<WorkingDayCalendar>().IsWorkingDay(new DateOnly(2024, 5, 21)).ShouldBeTrue("the days before the change are back in force");
        await using var scope = server.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<CalendarDay>().AnyAsync(d => d.Date == new DateOnly(2024, 5, 21))).ShouldBeFalse();
        log.ThrowNext = false;
        await (await admin.DeleteAsync("/api/calendar/days/2024-05-20")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        log.WatchWasWorkingDay.ShouldBe([false, true]);
    }

    private static async Task<int> OctoberWorkingDaysAsync(HttpClient client)
    {
        var view = await (await client.GetAsync("/api/calendar/2022")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        return view["months"]!.AsArray().Single(m => m!["month"]!.GetValue<int>() == 10)!["workingDays"]!.GetValue<int>();
    }

    private static DateOnly ChinaDate(DateTime utc) => DateOnly.FromDateTime(utc.ToUniversalTime().AddHours(8));

    /// <summary>PostgreSQL keeps microseconds, so the last tick of the day may come back as ...59.999999.</summary>
    private static void ShouldBeEndOf(DateTime dueAt, DateOnly day)
    {
        var local = dueAt.ToUniversalTime().AddHours(8);
        DateOnly.FromDateTime(local).ShouldBe(day);
        local.TimeOfDay.ShouldBeGreaterThanOrEqualTo(new TimeSpan(0, 23, 59, 59, 999), $"due {dueAt:O} is not the end of {day}");
    }

    /// <summary>
    /// A reference count of working days, written apart from the app's: the weekday rule plus the listed days the
    /// year view returns.
    /// </summary>
    private sealed class ListedDays(HttpClient client)
    {
        private readonly Dictionary<int, Dictionary<DateOnly, string>> _years = [];

        public void Forget() => _years.Clear();

        public async Task<DateOnly> NthWorkingDayAfterAsync(DateOnly start, int n)
        {
            var day = start;
            for (var counted = 0; counted < n;)
            {
                day = day.AddDays(1);
                if (await IsWorkingDayAsync(day)) counted++;
            }
            return day;
        }

        private async Task<bool> IsWorkingDayAsync(DateOnly day)
        {
            if (!_years.TryGetValue(day.Year, out var listed))
            {
                var view = await (await client.GetAsync($"/api/calendar/{day.Year}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
                listed = view["days"]!.AsArray().ToDictionary(d => DateOnly.Parse(d!["date"]!.GetValue<string>()), d => d!["kind"]!.GetValue<string>());
                _years[day.Year] = listed;
            }
            return listed.TryGetValue(day, out var kind)
                ? kind == "makeUpWorkday"
                : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        }
    }
}

public sealed class CalendarOnSqlite(WebAppFactory factory)
    : CalendarScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class CalendarOnPostgres(PostgresWebAppFactory factory)
    : CalendarScenarios(factory), IClassFixture<PostgresWebAppFactory>;
