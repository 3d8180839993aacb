using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Reports;
using ApprovalFlow.Web.Features.Supervision;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using ApprovalFlow.Web.Tests.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace ApprovalFlow.Web.Tests.Reports;

public sealed class ReportScenarios
{
    [Fact]
    public async Task The_monthly_report_of_a_constructed_october_holds_its_figures_rankings_and_stalled_steps_in_csv_and_xlsx()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.SeedOctoberAsync();
        var supervisor = await world.SupervisorAsync();

        var created = await (await supervisor.PostAsJsonAsync("/api/reports", new { kind = "month", day = "2026-10-15" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        created.Text("periodFirst").ShouldBe("2026-10-01");
        created.Text("periodLast").ShouldBe("2026-10-31");
        var listed = await supervisor.GetJsonArrayAsync("/api/reports");
        listed.Single()!.Id().ShouldBe(created.Id());

        var csvResponse = await supervisor.GetAsync(created.Text("csvLink"));
        csvResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        csvResponse.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csv = Csv.Sections(Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        var xlsxResponse = await supervisor.GetAsync(created.Text("xlsxLink"));
        xlsxResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var xlsx = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        MiniExcel.GetSheetNames(xlsx).ShouldBe(["统计数据", "县区排名", "停滞环节"]);

        // Figures: 桃城区 decided in 5, 7 and 2 working days (the 7 late); T4 overdue and Y1 open at the month's end.
        var figures = csv["统计数据"];
        figures[0].ShouldBe(ReportBuilder.FigureHeaders);
        figures.Count.ShouldBe(14);
        figures.Single(r => r[0] == SupervisionWorld.Taocheng).ShouldBe(["131102", "桃城区", "2", "1", "3", "4.67", "7", "0.6667"]);
        figures.Single(r => r[0] == SupervisionWorld.Jizhou).ShouldBe(["131103", "冀州区", "2", "0", "1", "2", "2", "1"]);
        figures.Single(r => r[0] == "131121").ShouldBe(["131121", "枣强县", "0", "0", "0", "", "", ""]);
        var sheet = Sheet(xlsx, "统计数据");
        sheet.Count.ShouldBe(13);
        var taocheng = sheet.Single(r => (string)r["县市区代码"]! == SupervisionWorld.Taocheng);
        taocheng["县市区"].ShouldBe("桃城区");
        Convert.ToInt32(taocheng["在办环节数"]).ShouldBe(2);
        Convert.ToInt32(taocheng["超期环节数"]).ShouldBe(1);
        Convert.ToInt32(taocheng["办结数"]).ShouldBe(3);
        Convert.ToDouble(taocheng["平均办理工作日"]).ShouldBe(4.67);
        Convert.ToDouble(taocheng["90%分位办理工作日"]).ShouldBe(7);
        Convert.ToDouble(taocheng["按时办结率"]).ShouldBe(0.6667);
        var jizhou = sheet.Single(r => (string)r["县市区代码"]! == SupervisionWorld.Jizhou);
        Convert.ToDouble(jizhou["按时办结率"]).ShouldBe(1);
        Convert.ToInt32(jizhou["超期环节数"]).ShouldBe(0);

        // Rankings of October: 桃城区 last on four indicators, three of them in September too.
        var rankings = csv.Single(s => s.Key.StartsWith("县区排名")).Value;
        var t = Row(rankings, SupervisionWorld.Taocheng);
        t["末位指标"].ShouldBe("超期环节数、平均办理工作日、90%分位办理工作日、按时办结率");
        t["需说明会议"].ShouldBe("党委会议说明");
        t["办结数排名"].ShouldBe("1");
        t["超期环节数排名"].ShouldBe("2");
        var j = Row(rankings, SupervisionWorld.Jizhou);
        j["末位指标"].ShouldBe("办结数");
        j["需说明会议"].ShouldBe("");
        Row(rankings, "131121")["超期环节数排名"].ShouldBe("");
        var rankingSheet = Sheet(xlsx, "县区排名");
        rankingSheet.Single(r => (string)r["县市区代码"]! == SupervisionWorld.Taocheng)["需说明会议"].ShouldBe("党委会议说明");
        Convert.ToDouble(rankingSheet.Single(r => (string)r["县市区代码"]! == SupervisionWorld.Taocheng)["平均办理工作日"]).ShouldBe(4.67);

        // Stalled at the month's end: T4 overdue by 9 working days, Y2 quiet for 9; J2 and Y1 only 4 days quiet then.
        var stalled = csv["停滞环节"];
        stalled[0].ShouldBe(ReportBuilder.StalledHeaders);
        stalled.Count.ShouldBe(3);
        var t4 = Row(stalled, world.Cases["T4"].ToString());
        t4["县市区"].ShouldBe("桃城区");
        t4["环节"].ShouldBe("permit");
        t4["灯色"].ShouldBe("红灯");
        t4["剩余工作日"].ShouldBe("-9");
        t4["无操作工作日"].ShouldBe("14");
        t4["截止时间"].ShouldBe("2026-10-19 23:59");
        t4["链接"].ShouldBe($"/cases/{world.Cases["T4"]}");
        var y2 = Row(stalled, world.Cases["Y2"].ToString());
        y2["灯色"].ShouldBe("绿灯");
        y2["剩余工作日"].ShouldBe("8");
        y2["无操作工作日"].ShouldBe("9");
        var stalledSheet = Sheet(xlsx, "停滞环节");
        stalledSheet.Select(r => (string)r["案件编号"]!).ShouldBe([world.Cases["T4"].ToString(), world.Cases["Y2"].ToString()]);
        Convert.ToInt32(stalledSheet[0]["剩余工作日"]).ShouldBe(-9);
        stalledSheet[0]["灯色"].ShouldBe("红灯");
    }

    [Fact]
    public async Task The_recurring_job_reports_each_period_that_ended_once()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.SeedOctoberAsync();
        await world.App.Services.GetRequiredService<ReportsJob>().GenerateAsync(CancellationToken.None);
        await world.App.Services.GetRequiredService<ReportsJob>().GenerateAsync(CancellationToken.None);

        await using var scope = world.App.Services.CreateAsyncScope();
        var reports = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Report>().AsNoTracking()
            .Select(r => new { r.Kind, r.PeriodFirst, r.PeriodLast, r.GeneratedBy }).ToListAsync();
        reports.OrderBy(r => r.Kind).Select(r => (r.Kind, r.PeriodFirst, r.PeriodLast)).ShouldBe(
        [
            (ReportKind.TenDay, new DateOnly(2026, 10, 21), new DateOnly(2026, 10, 31)),
            (ReportKind.Month, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)),
            (ReportKind.Quarter, new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)),
        ]);
        reports.ShouldAllBe(r => r.GeneratedBy == ReportsJob.By);

        var supervisor = await world.SupervisorAsync();
        var enterprise = await world.UserAsync(Web.Identity.AppRoles.Enterprise);
        var id = (await supervisor.GetJsonArrayAsync("/api/reports?kind=quarter")).Single()!.Id();
        (await enterprise.GetAsync($"/api/reports/{id}/download?format=csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await supervisor.GetAsync($"/api/reports/{id}/download?format=pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await supervisor.GetAsync($"/api/reports/{Guid.NewGuid()}/download")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var leader = await world.App.ClientForAsync(ProjectWorld.Leader);
        (await leader.PostAsJsonAsync("/api/reports", new { kind = "month" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("ten-day", "2026-02-25", "2026-02-21", "2026-02-28")]
    [InlineData("ten-day", "2026-03-11", "2026-03-11", "2026-03-20")]
    [InlineData("ten-day", "2026-03-10", "2026-03-01", "2026-03-10")]
    [InlineData("month", "2024-02-10", "2024-02-01", "2024-02-29")]
    [InlineData("quarter", "2026-11-10", "2026-10-01", "2026-12-31")]
    public void Periods_are_ten_day_spans_months_and_quarters(string kind, string day, string first, string last)
    {
        ReportKinds.TryRead(kind, out var k).ShouldBeTrue();
        ReportPeriods.Containing(k, DateOnly.Parse(day)).ShouldBe(new SupervisionPeriod(DateOnly.Parse(first), DateOnly.Parse(last)));
    }

    [Fact]
    public async Task Project_names_that_a_spreadsheet_would_run_as_formulas_are_written_inert_in_csv_and_xlsx()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.SeedOctoberAsync();
        const string hyperlink = "=HYPERLINK(\"http://evil.example\",\"点击\")";
        const string at = "@SUM(1+1)";
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // The projects of the two stalled cases (Y2 runs on a sibling section of jizhou: one running case per project).
            var taocheng = await db.Set<ApprovalFlow.Web.Features.Approvals.ApprovalCase>().Where(c => c.Id == world.Cases["T4"]).Select(c => c.ProjectId).SingleAsync();
            var jizhou = await db.Set<ApprovalFlow.Web.Features.Approvals.ApprovalCase>().Where(c => c.Id == world.Cases["Y2"]).Select(c => c.ProjectId).SingleAsync();
            await db.Set<ApprovalFlow.Web.Features.Projects.Project>().Where(p => p.Id == taocheng).ExecuteUpdateAsync(u => u.SetProperty(p => p.Name, hyperlink));
            await db.Set<ApprovalFlow.Web.Features.Projects.Project>().Where(p => p.Id == jizhou).ExecuteUpdateAsync(u => u.SetProperty(p => p.Name, at));
        }
        var supervisor = await world.SupervisorAsync();

        var created = await (await supervisor.PostAsJsonAsync("/api/reports", new { kind = "month", day = "2026-10-15" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        var csvText = Encoding.UTF8.GetString(await (await supervisor.GetAsync(created.Text("csvLink"))).Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        using var xlsx = new MemoryStream(await (await supervisor.GetAsync(created.Text("xlsxLink"))).Content.ReadAsByteArrayAsync());

        var stalled = Csv.Sections(csvText)["停滞环节"];
        Row(stalled, world.Cases["T4"].ToString())["项目名称"].ShouldBe("'" + hyperlink);
        Row(stalled, world.Cases["Y2"].ToString())["项目名称"].ShouldBe("'" + at);
        Row(stalled, world.Cases["T4"].ToString())["剩余工作日"].ShouldBe("-9", "a negative number stays a number");
        csvText.Split('\n').ShouldNotContain(line => line.Split(',').Any(cell => cell.TrimStart('"').StartsWith('=') || cell.TrimStart('"').StartsWith('@')));
        var sheet = Sheet(xlsx, "停滞环节");
        sheet.Single(r => (string)r["案件编号"]! == world.Cases["T4"].ToString())["项目名称"].ShouldBe("'" + hyperlink);
        sheet.Single(r => (string)r["案件编号"]! == world.Cases["Y2"].ToString())["项目名称"].ShouldBe("'" + at);
        Convert.ToInt32(sheet.Single(r => (string)r["案件编号"]! == world.Cases["T4"].ToString())["剩余工作日"]).ShouldBe(-9);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("桃城区", "桃城区")]
    [InlineData("", "")]
    public void A_text_cell_that_starts_like_a_formula_gets_a_leading_apostrophe(string text, string written) =>
        ReportFiles.SafeCell(text).ShouldBe(written);

    [Fact]
    public void Numbers_are_not_escaped() => ReportFiles.SafeCell(-9).ShouldBe("-9");

    [Fact]
    public void The_last_ended_period_is_the_one_before_today()
    {
        var today = new DateOnly(2026, 1, 5);
        ReportPeriods.LastEnded(ReportKind.TenDay, today).ShouldBe(new SupervisionPeriod(new(2025, 12, 21), new(2025, 12, 31)));
        ReportPeriods.LastEnded(ReportKind.Month, today).ShouldBe(new SupervisionPeriod(new(2025, 12, 1), new(2025, 12, 31)));
        ReportPeriods.LastEnded(ReportKind.Quarter, today).ShouldBe(new SupervisionPeriod(new(2025, 10, 1), new(2025, 12, 31)));
    }

    private static List<IDictionary<string, object?>> Sheet(Stream xlsx, string name)
    {
        xlsx.Position = 0;
        return [.. xlsx.Query(useHeaderRow: true, sheetName: name, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
    }

    private static Dictionary<string, string> Row(List<string[]> table, string first)
    {
        var row = table.Single(r => r[0] == first);
        return table[0].Select((h, i) => (h, i)).ToDictionary(x => x.h, x => row[x.i]);
    }
}

/// <summary>Reads the report's CSV back: sections titled 【...】, each a header line and rows, quotes as RFC 4180.</summary>
internal static class Csv
{
    public static Dictionary<string, List<string[]>> Sections(string text)
    {
        var sections = new Dictionary<string, List<string[]>>();
        List<string[]>? current = null;
        foreach (var line in Lines(text))
        {
            if (line.Length == 1 && line[0].StartsWith('【') && line[0].EndsWith('】'))
            {
                current = [];
                sections[line[0][1..^1]] = current;
            }
            else if (current is not null && !(line.Length == 1 && line[0] == "")) current.Add(line);
        }
        return sections;
    }

    private static IEnumerable<string[]> Lines(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return [.. fields];
                fields.Clear();
            }
            else field.Append(c);
        }
    }
}
