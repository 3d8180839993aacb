using ApprovalFlow.BrowserTests.Infrastructure;
using ApprovalFlow.Web.Ui.Supervision;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ApprovalFlow.BrowserTests;

public sealed class SupervisionTests(BrowserWorld world) : BrowserTest(world)
{
    private const string Department = "emergency-management";

    [Fact]
    public Task A_supervisor_filters_the_stalled_steps_and_downloads_a_report() => ScenarioAsync(async () =>
    {
        var supervisor = await SignedInAsync("supervisor@approvalflow.local");
        var page = supervisor.Page;
        await supervisor.ExpectPathAsync("/supervision");

        // The demo data holds a safety review accepted four weeks ago and never decided: overdue, of emergency management.
        var total = page.GetByTestId("stalled-total");
        await Expect(page.GetByTestId("stalled-row").First).ToBeVisibleAsync();
        var before = int.Parse((await total.GetAttributeAsync("data-total"))!);
        before.ShouldBeGreaterThan(0);

        // A department with nothing stalled: the list empties.
        await ChooseAsync(page, "filter-department", "filter-department-development-reform");
        await Expect(total).ToHaveAttributeAsync("data-total", "0");
        await Expect(page.GetByTestId("stalled-none")).ToBeVisibleAsync();

        await ChooseAsync(page, "filter-department", $"filter-department-{Department}");
        await Expect(page.GetByTestId("stalled-row").First).ToBeVisibleAsync();
        var departmentName = StepNames.Department(Department);
        foreach (var stalled in await page.Locator("[data-testid=stalled-steps-table] tbody tr").AllAsync())
            await Expect(stalled).ToContainTextAsync(departmentName);

        await ChooseAsync(page, "filter-light", "filter-light-red");
        await Expect(page.Locator("[data-testid=stalled-steps-table] tbody td[data-light]").First).ToHaveAttributeAsync("data-light", "red");
        foreach (var cell in await page.Locator("[data-testid=stalled-steps-table] tbody td[data-light]").AllAsync())
            await Expect(cell).ToHaveAttributeAsync("data-light", "red");

        await page.GetByTestId("filter-clear").ClickAsync();
        await Expect(total).ToHaveAttributeAsync("data-total", before.ToString());

        // Reports: generate this month's so far, then download it as the supervisor's browser does.
        await page.Locator(".mud-tab", new() { HasText = "报表" }).ClickAsync();
        await page.GetByTestId("report-generate").ClickAsync();
        var row = page.Locator("tr.af-report-new [data-testid=report-download-xlsx]");
        await Expect(row).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => row.ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        var file = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(file);
        bytes.Length.ShouldBeGreaterThan(100);
        bytes[..2].ShouldBe("PK"u8.ToArray(), "an xlsx file is a zip package");

        // The same link with the browser's sign-in cookie: the served type is the spreadsheet's.
        var href = (await row.GetAttributeAsync("href"))!;
        var response = await supervisor.Context.APIRequest.GetAsync(supervisor.Url(href));
        response.Status.ShouldBe(200);
        response.Headers["content-type"].ShouldStartWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await response.BodyAsync()).Length.ShouldBe(bytes.Length);

        var csv = page.Locator("tr.af-report-new [data-testid=report-download-csv]");
        var csvResponse = await supervisor.Context.APIRequest.GetAsync(supervisor.Url((await csv.GetAttributeAsync("href"))!));
        csvResponse.Headers["content-type"].ShouldStartWith("text/csv");
        (await csvResponse.TextAsync()).ShouldNotBeNullOrWhiteSpace();
    });

    /// <summary>Opens a MudSelect and picks one of its items.</summary>
    private static async Task ChooseAsync(IPage page, string select, string item)
    {
        await page.GetByTestId(select).ClickAsync();
        await page.GetByTestId(item).ClickAsync();
    }
}
