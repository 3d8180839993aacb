using System.Net.Http.Json;
using ApprovalFlow.BrowserTests.Infrastructure;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Gaps;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ApprovalFlow.BrowserTests;

public sealed class PortalTests(BrowserWorld world) : BrowserTest(world)
{
    [Fact]
    public Task An_enterprise_registers_a_project_and_starts_a_virtual_approval() => ScenarioAsync(async () =>
    {
        var enterprise = await SignedInAsync(CaseSetup.Enterprise);
        var page = enterprise.Page;
        await enterprise.ExpectPathAsync("/portal");

        await page.GetByTestId("portal-register-open").ClickAsync();
        var form = page.GetByTestId("register-project");
        await Expect(form).ToBeVisibleAsync();

        // The code is checked as it is typed: a wrong check digit is refused before anything is sent.
        var code = CaseSetup.NewProjectCode();
        var wrongDigit = code[..^1] + (code[^1] == '0' ? '1' : '0');
        var codeField = Field(page, "project-code");
        await codeField.FillAsync(wrongDigit);
        await Expect(page.GetByTestId("project-code-valid")).ToHaveTextAsync("false");
        await codeField.FillAsync(code);
        await Expect(page.GetByTestId("project-code-valid")).ToHaveTextAsync("true");

        var name = $"浏览器测试·虚拟审批项目{code[^6..]}";
        await Field(page, "project-name").FillAsync(name);
        await page.GetByTestId("project-county").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "桃城区" }).ClickAsync();
        await Field(page, "project-industry").FillAsync("新材料");
        await Field(page, "project-investment").FillAsync("65000");
        await page.GetByTestId("project-register").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);

        // The new project opens in the list; its approval is started in virtual mode.
        var project = page.GetByTestId("portal-project").Filter(new() { HasText = name });
        await Expect(project).ToBeVisibleAsync();
        await project.GetByTestId("start-mode").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "虚拟审批" }).ClickAsync();
        await project.GetByTestId("start-approval").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/cases/"));
        await Expect(page.GetByTestId("case-title")).ToHaveTextAsync(name);
        var caseId = Guid.Parse(new Uri(page.Url).Segments[^1]);

        var api = await App.ApiAsync(CaseSetup.Enterprise);
        var started = await api.GetFromJsonAsync<CaseResponse>($"/api/cases/{caseId}");
        started!.Mode.ShouldBe("virtual");
        started.ProjectCode.ShouldBe(code);
        started.ProjectName.ShouldBe(name);
        started.OpenTasks.ShouldContain(t => t.ElementId == "registration");
    });

    [Fact]
    public Task The_enterprise_supplies_the_missing_material_of_a_tolerated_gap() => ScenarioAsync(async () =>
    {
        var setup = new CaseSetup(App);
        var name = $"浏览器测试·容缺补齐项目{Random.Shared.Next(1000, 9999)}";
        var (approval, _) = await setup.CaseWithOpenGapAsync(name);

        var enterprise = await SignedInAsync(CaseSetup.Enterprise);
        var page = enterprise.Page;

        // From the portal: the project, its case, the gap on the case page.
        var project = page.GetByTestId("portal-project").Filter(new() { HasText = name });
        await project.GetByText(name).ClickAsync();
        await project.GetByTestId("portal-case-link").ClickAsync();
        await enterprise.ExpectPathAsync($"/cases/{approval.Id}");
        await enterprise.WaitInteractiveAsync();

        var gap = page.GetByTestId("gap");
        await Expect(gap).ToHaveAttributeAsync("data-gap-status", "open");
        await page.GetByTestId("gap-supply-business-licence").ClickAsync();
        await Expect(gap).ToHaveAttributeAsync("data-gap-status", "supplied");

        var api = await App.ApiAsync(CaseSetup.Enterprise);
        var gaps = await api.GetFromJsonAsync<ToleratedGapResponse[]>($"/api/gaps?projectId={approval.ProjectId}");
        var supplied = gaps!.ShouldHaveSingleItem();
        supplied.Status.ShouldBe("supplied");
        supplied.Materials.ShouldHaveSingleItem().Supplied.ShouldBeTrue();
    });

    /// <summary>The input of a MudBlazor field, whether its test id sits on the input or on the field's wrapper.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
