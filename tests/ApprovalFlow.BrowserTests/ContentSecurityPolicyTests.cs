using ApprovalFlow.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ApprovalFlow.BrowserTests;

/// <summary>
/// The app's Content-Security-Policy in a real chromium: the designer (bpmn-js modeler), a case diagram (bpmn-js viewer),
/// MudBlazor pages and the Blazor circuit all work under it, and the browser reports no violation.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserWorld world) : BrowserTest(world)
{
    [Fact]
    public Task The_designer_the_case_diagram_and_the_mudblazor_pages_work_under_the_policy_without_a_violation() => ScenarioAsync(async () =>
    {
        var setup = new CaseSetup(App);
        var approval = await setup.RegisteredCaseAsync("浏览器测试·安全策略项目");
        var admin = await SignedInAsync("admin@approvalflow.local");
        var violations = new List<string>();
        Watch(admin.Page, violations);

        var response = await admin.Page.GotoAsync(admin.Url("/designer?open=workflows/pledge-system-approval.bpmn"));
        response!.Headers["content-security-policy"].ShouldContain("frame-ancestors 'none'");
        await admin.WaitInteractiveAsync();
        await Expect(admin.Page.GetByTestId("designer-canvas")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(admin.Page.Locator("g.djs-element[data-element-id=\"startConstruction\"]")).ToBeVisibleAsync();

        var officer = await SignedInAsync(CaseSetup.NaturalResourcesOfficer);
        Watch(officer.Page, violations);
        await officer.GoToAsync($"/cases/{approval.Id}");
        await Expect(officer.Page.GetByTestId("case-diagram")).ToHaveAttributeAsync("data-ready", "true");
        await officer.GoToAsync("/inbox");
        await Expect(officer.Page.GetByTestId("inbox-table")).ToBeVisibleAsync();

        var supervisor = await SignedInAsync("supervisor@approvalflow.local");
        Watch(supervisor.Page, violations);
        await supervisor.GoToAsync("/supervision");
        await supervisor.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        lock (violations) violations.ShouldBeEmpty();
    });

    /// <summary>Collects what chromium says about the policy: violations are logged to the console as "Refused to ...".</summary>
    private static void Watch(IPage page, List<string> seen)
    {
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Refused to", StringComparison.OrdinalIgnoreCase))
                lock (seen) seen.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) =>
        {
            lock (seen) seen.Add($"{page.Url}: page error {error}");
        };
    }
}
