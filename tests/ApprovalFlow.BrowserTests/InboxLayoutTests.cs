using ApprovalFlow.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ApprovalFlow.BrowserTests;

/// <summary>
/// The officer's task panel leaves the inbox usable: beside the table at 1366 px (the table keeps its width, one line per
/// word), a full-screen sheet on a tablet (at the top of the screen, not 2,500 px below the list).
/// </summary>
public sealed class InboxLayoutTests(BrowserWorld world) : BrowserTest(world)
{
    [Fact]
    public Task The_task_panel_sits_beside_the_table_at_1366_and_is_a_full_screen_sheet_on_a_tablet() => ScenarioAsync(async () =>
    {
        await new CaseSetup(App).RegisteredCaseAsync($"浏览器测试·待办布局项目{Random.Shared.Next(10000, 99999)}");
        var officer = await SignedInAsync(CaseSetup.NaturalResourcesOfficer);
        var page = officer.Page;

        await page.SetViewportSizeAsync(1366, 768);
        await officer.GoToAsync("/inbox");
        await officer.WaitInteractiveAsync();
        await page.GetByTestId("inbox-open").First.ClickAsync();
        var sheet = page.GetByTestId("task-sheet");
        await Expect(sheet.GetByTestId("task-name")).ToBeVisibleAsync();
        var table = (await page.GetByTestId("inbox-table").BoundingBoxAsync())!;
        var panel = (await sheet.BoundingBoxAsync())!;
        table.Width.ShouldBeGreaterThan(650, "the table keeps room for its columns");
        panel.X.ShouldBeGreaterThanOrEqualTo(table.X + table.Width - 1, "the panel is beside the table, not over it");
        // No longer squeezed to a character per line (a row was then ~170 px high).
        var cell = (await page.GetByTestId("inbox-task-name").First.BoundingBoxAsync())!;
        cell.Height.ShouldBeLessThan(130, "squeezed, a row was 170 px high");

        await page.SetViewportSizeAsync(800, 1100);
        await Expect(sheet).ToBeVisibleAsync();
        var tablet = (await sheet.BoundingBoxAsync())!;
        tablet.Y.ShouldBeLessThan(60, "the sheet starts under the app bar");
        tablet.Width.ShouldBe(800, 1);
        await sheet.GetByTestId("task-panel-close").ClickAsync();
        await Expect(sheet).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("inbox-table")).ToBeVisibleAsync();
    });
}
