using System.Net.Http.Json;
using System.Text;
using ApprovalFlow.BrowserTests.Infrastructure;
using ApprovalFlow.Web.Features.Definitions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ApprovalFlow.BrowserTests;

/// <summary>
/// The approval contract in the designer: a shipped model with a step task whose time limit was removed, uploaded into
/// the designer, is marked at that task by 校验 (validate) and is not published.
/// </summary>
public sealed class DesignerContractTests(BrowserWorld world) : BrowserTest(world)
{
    [Fact]
    public Task Validating_a_model_that_breaks_the_approval_contract_marks_the_element_and_publishing_refuses_it() =>
        ScenarioAsync(async () =>
    {
        var shipped = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "workflows", "pre-construction-approval.bpmn"));
        const string withLimit = "id=\"landReview\" name=\"土地手续审查\" af:stepCode=\"land\" af:department=\"natural-resources\" af:timeLimitDays=\"20\"";
        shipped.ShouldContain(withLimit);
        var broken = shipped.Replace(withLimit, "id=\"landReview\" name=\"土地手续审查\" af:stepCode=\"land\" af:department=\"natural-resources\"", StringComparison.Ordinal);
        var api = await App.ApiAsync("admin@approvalflow.local");
        var before = (await api.GetFromJsonAsync<List<DefinitionResponse>>("/api/definitions"))!.Count;

        var admin = await SignedInAsync("admin@approvalflow.local");
        var page = admin.Page;
        await admin.GoToAsync("/designer");
        await Expect(page.GetByTestId("designer-canvas")).ToHaveAttributeAsync("data-ready", "true");
        await page.GetByTestId("designer-upload").SetInputFilesAsync(new FilePayload
        {
            Name = "broken-pre-construction.bpmn",
            MimeType = "application/xml",
            Buffer = Encoding.UTF8.GetBytes(broken),
        });
        await Expect(page.GetByTestId("designer-document")).ToContainTextAsync("broken-pre-construction.bpmn");
        await Expect(page.Locator("g.djs-element[data-element-id=\"landReview\"]")).ToBeVisibleAsync();

        await page.GetByTestId("designer-validate").ClickAsync();

        var list = page.GetByTestId("problem-list");
        await Expect(list).ToHaveAttributeAsync("data-valid", "false");
        await Expect(list).ToHaveAttributeAsync("data-count", "1");
        await Expect(page.Locator("[data-testid=problem-item][data-element-id=\"landReview\"]")).ToContainTextAsync("af:timeLimitDays");
        var overlay = page.Locator("[data-testid=problem-overlay][data-element-id=\"landReview\"]");
        await Expect(overlay).ToBeVisibleAsync();
        await Expect(overlay).ToContainTextAsync("土地手续审查");
        await Expect(page.Locator("g.djs-element[data-element-id=\"landReview\"]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("af-problem"));

        await page.GetByTestId("designer-publish").ClickAsync();
        await Expect(page.GetByTestId("designer-refusal")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("publish-result")).ToHaveCountAsync(0);
        (await api.GetFromJsonAsync<List<DefinitionResponse>>("/api/definitions"))!.Count.ShouldBe(before, "nothing was deployed");
    });
}
