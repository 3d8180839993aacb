using ApprovalFlow.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ApprovalFlow.BrowserTests;

/// <summary>
/// Screenshots of each main page at 1366×900 on the demo data. <c>./test.sh --screenshots</c> writes them to
/// docs/screenshots (shown in the README); a plain run writes them to TestResults/browser/screenshots, so that the
/// pages are still opened and checked without touching the committed pictures.
/// </summary>
public sealed class ScreenshotTests(BrowserWorld world) : BrowserTest(world)
{
    private readonly List<string> _taken = [];

    [Fact]
    public Task Screenshots_of_the_main_pages() => ScenarioAsync(async () =>
    {
        var visitor = await OpenAsync("visitor");
        await visitor.Page.GotoAsync(visitor.Url("/account/login"));
        await Expect(visitor.Page.GetByTestId("login-submit")).ToBeVisibleAsync();
        await ShootAsync(visitor.Page, "sign-in");

        var officer = await SignedInAsync(CaseSetup.NaturalResourcesOfficer);
        var inbox = officer.Page;
        await Expect(inbox.GetByTestId("inbox-open").First).ToBeVisibleAsync();
        await ShootAsync(inbox, "officer-inbox");

        await inbox.GetByTestId("inbox-open").First.ClickAsync();
        await Expect(inbox.GetByTestId("task-actions")).ToBeVisibleAsync();
        await ShootAsync(inbox, "task-panel");

        // The case diagram of a demo case with steps at different points.
        var caseLink = await inbox.GetByTestId("inbox-case-link").First.GetAttributeAsync("href");
        await officer.GoToAsync(caseLink!);
        await Expect(inbox.GetByTestId("case-diagram")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(inbox.Locator("g.djs-element").First).ToBeVisibleAsync();
        await ShootAsync(inbox, "case-diagram");

        var admin = await SignedInAsync("admin@approvalflow.local");
        await admin.GoToAsync("/designer?open=workflows/pre-construction-approval.bpmn");
        await Expect(admin.Page.GetByTestId("designer-canvas")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(admin.Page.Locator("g.djs-element[data-element-id=\"planningStep\"]")).ToBeVisibleAsync();
        await admin.Page.Locator(".djs-overlays[data-container-id=\"planningStep\"] .bjs-drilldown").ClickAsync();
        await Expect(admin.Page.Locator("g.djs-element[data-element-id=\"planningAccept\"]")).ToBeVisibleAsync();
        await admin.Page.Locator("g.djs-element[data-element-id=\"planningAccept\"]").ClickAsync();
        await Expect(admin.Page.GetByTestId("designer-selected")).ToBeVisibleAsync();
        await ShootAsync(admin.Page, "designer");

        await admin.GoToAsync("/admin");
        await Expect(admin.Page.GetByTestId("calendar-editor")).ToBeVisibleAsync();
        await Expect(admin.Page.Locator("[data-testid^=month-]").First).ToBeVisibleAsync();
        await ShootAsync(admin.Page, "admin-calendar");

        var enterprise = await SignedInAsync(CaseSetup.Enterprise);
        // A demo project with a running case, opened to show every step's light and deadline.
        var project = enterprise.Page.GetByTestId("portal-project").Filter(new() { HasText = "衡水市某新材料产业园项目" });
        await project.GetByText("衡水市某新材料产业园项目").First.ClickAsync();
        await Expect(project.GetByTestId("portal-step").First).ToBeVisibleAsync();
        await project.ScrollIntoViewIfNeededAsync();
        await ShootAsync(enterprise.Page, "enterprise-portal");

        var supervisor = await SignedInAsync("supervisor@approvalflow.local");
        await Expect(supervisor.Page.GetByTestId("stalled-row").First).ToBeVisibleAsync();
        await ShootAsync(supervisor.Page, "supervisor-dashboard");

        foreach (var file in _taken)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            bytes.Length.ShouldBeGreaterThan(10_000, file);
            bytes[1..4].ShouldBe("PNG"u8.ToArray(), file);
        }
    });

    private async Task ShootAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Repository.Screenshots);
        var file = Path.Combine(Repository.Screenshots, name + ".png");
        // Fonts and the bpmn-js canvas settle after the last render; wait for them rather than for a time.
        await page.EvaluateAsync("() => document.fonts.ready");
        // No focus ring on the heading the router focuses after navigation.
        await page.EvaluateAsync("() => document.activeElement instanceof HTMLElement && document.activeElement.blur()");
        await page.ScreenshotAsync(new() { Path = file, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
        _taken.Add(file);
    }
}
