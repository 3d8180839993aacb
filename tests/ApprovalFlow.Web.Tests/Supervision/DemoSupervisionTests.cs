using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Web.Tests.DemoData;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;

namespace ApprovalFlow.Web.Tests.Supervision;

public sealed class DemoSupervisionTests
{
    [Fact]
    public async Task With_the_demo_data_a_supervisor_opens_stalled_steps_and_rankings_and_downloads_the_monthly_report()
    {
        var folder = Path.Combine(Path.GetTempPath(), "approvalflow-tests", "demo-supervision-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var app = new EmbeddedDemoFactory(folder);
            _ = app.Server;
            var supervisor = await app.LoginAsync(ProjectWorld.Supervisor.Email);

            var stalled = await (await supervisor.GetAsync("/api/supervision/stalled-steps")).ShouldHaveStatusAsync(HttpStatusCode.OK);
            stalled["total"]!.GetValue<int>().ShouldBeGreaterThan(0);
            stalled["rows"]!.AsArray().ShouldContain(r => r.Text("light") == "red" && r.Text("stepCode") == "safety", "the overdue demo case");

            var rankings = await (await supervisor.GetAsync("/api/supervision/rankings")).ShouldHaveStatusAsync(HttpStatusCode.OK);
            var counties = rankings["counties"]!.AsArray();
            counties.Count.ShouldBe(13);
            counties.Count(c => c!["ranks"]!["completed"] is not null).ShouldBeGreaterThanOrEqualTo(2);
            var earlier = DateTime.UtcNow.AddHours(8).AddMonths(-1);
            var past = await (await supervisor.GetAsync($"/api/supervision/rankings?month={earlier:yyyy-MM}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
            past["counties"]!.AsArray().Sum(c => c!["figures"]!["completed"]!.GetValue<int>()).ShouldBeGreaterThan(0, "the demo has a past month");

            var report = await (await supervisor.PostAsJsonAsync("/api/reports", new { kind = "month" })).ShouldHaveStatusAsync(HttpStatusCode.Created);
            var listed = await supervisor.GetJsonArrayAsync("/api/reports");
            listed.ShouldContain(r => r.Id() == report.Id());
            var xlsx = await supervisor.GetAsync(report.Text("xlsxLink"));
            xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
            xlsx.Content.Headers.ContentDisposition!.FileName!.ShouldEndWith(".xlsx");
            using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
            stream.Query(useHeaderRow: true, sheetName: "停滞环节", excelType: ExcelType.XLSX).Count().ShouldBeGreaterThan(0);
            stream.Position = 0;
            stream.Query(useHeaderRow: true, sheetName: "统计数据", excelType: ExcelType.XLSX).Count().ShouldBe(13);
            var csv = await supervisor.GetAsync(report.Text("csvLink"));
            csv.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await csv.Content.ReadAsStringAsync()).ShouldContain("【统计数据】");

            await DemoDataState.ShouldShowALivingSystemAsync(app);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
