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
        // The top level shows the steps; the land step's review is inside its collapsed shape.
        await Expect(page.Locator("g.djs-element[data-element-id=\"landStep\"]")).ToBeVisibleAsync();
        await Expect(page.Locator("g.djs-element[data-element-id=\"landReview\"]")).Not.ToBeVisibleAsync();

        // Validating opens the plane of the problem's element.
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

    [Fact]
    public Task The_properties_panel_shows_and_edits_an_elements_approval_roles_and_validation_checks_the_edit() =>
        ScenarioAsync(async () =>
    {
        var admin = await SignedInAsync("admin@approvalflow.local");
        var page = admin.Page;
        await admin.GoToAsync("/designer?open=workflows/pre-construction-approval.bpmn");
        await Expect(page.GetByTestId("designer-canvas")).ToHaveAttributeAsync("data-ready", "true");

        // A decide task: its role and outcomes; the outcomes edited so that the step can no longer reject.
        await SelectAsync(page, "landDecide");
        await Expect(page.GetByTestId("af-role")).ToHaveAttributeAsync("data-value", "decide");
        await Expect(Input(page, "af-outcomeVariable")).ToHaveValueAsync("landOutcome");
        var outcomes = Input(page, "af-outcomes");
        await Expect(outcomes).ToHaveValueAsync("approve,reject,return");
        await outcomes.FillAsync("approve,return");
        await outcomes.PressAsync("Tab");
        await Expect(page.GetByTestId("designer-document")).ToHaveAttributeAsync("data-dirty", "true");

        // A marker event: its step and what it marks.
        await SelectAsync(page, "landRejected");
        await Expect(page.GetByTestId("af-marks")).ToHaveAttributeAsync("data-value", "rejected");
        await Expect(Input(page, "af-stepCode")).ToHaveValueAsync("land");

        // The role chosen from the list is written on the task.
        await SelectAsync(page, "landAccept");
        await Expect(page.GetByTestId("af-role")).ToHaveAttributeAsync("data-value", "accept");
        await page.GetByTestId("af-role").ClickAsync();
        await page.GetByTestId("af-role-review").ClickAsync();
        await Expect(page.GetByTestId("af-role")).ToHaveAttributeAsync("data-value", "review");

        var saved = await page.EvaluateAsync<string>("""
            async () => {
              const designer = await import('/js/bpmn-designer.js');
              return await designer.exportXml(document.querySelector('[data-testid=designer-canvas]'));
            }
            """);
        var xml = System.Xml.Linq.XDocument.Parse(saved);
        string? Af(string id, string name) => (string?)xml.Descendants().Single(e => (string?)e.Attribute("id") == id)
            .Attribute(System.Xml.Linq.XName.Get(name, "http://approvalflow.org/schema/1.0/bpmn"));
        Af("landAccept", "role").ShouldBe("review");
        Af("landDecide", "outcomes").ShouldBe("approve,return");
        Af("landRejected", "marks").ShouldBe("rejected");

        await page.GetByTestId("designer-validate").ClickAsync();
        await Expect(page.GetByTestId("problem-list")).ToHaveAttributeAsync("data-valid", "false");
        await Expect(page.Locator("[data-testid=problem-overlay][data-element-id=\"landDecide\"]")).ToContainTextAsync("reject");
    });

    private static async Task SelectAsync(IPage page, string elementId)
    {
        var element = page.Locator($"g.djs-element[data-element-id=\"{elementId}\"]");
        if (!await element.IsVisibleAsync())
        {
            // Inside the land step: open its plane through the shape's drill-down button.
            var crumbs = page.Locator(".bjs-breadcrumbs li");
            if (await crumbs.CountAsync() > 1) await crumbs.First.ClickAsync();
            await page.Locator(".djs-overlays[data-container-id=\"landStep\"] .bjs-drilldown").ClickAsync();
            await Expect(element).ToBeVisibleAsync();
        }
        await element.ClickAsync();
        await Expect(page.GetByTestId("designer-selected")).ToHaveAttributeAsync("data-element-id", elementId);
    }

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
