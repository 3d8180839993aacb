using System.Net.Http.Json;
using System.Xml.Linq;
using ApprovalFlow.BrowserTests.Infrastructure;
using ApprovalFlow.Web.Features.Designer;
using static Microsoft.Playwright.Assertions;

namespace ApprovalFlow.BrowserTests;

public sealed class DesignerTests(BrowserWorld world) : BrowserTest(world)
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Af = "http://approvalflow.org/schema/1.0/bpmn";

    /// <summary>Both shipped workflows: the small pledge-system one and the large parallel one (about 95 KB of XML, more
    /// than one default SignalR message), each on a step with a time limit.</summary>
    [Theory]
    [InlineData("pledge-system-approval", "startConstruction")]
    [InlineData("pre-construction-approval", "safetyReview")]
    public Task An_administrator_changes_a_steps_time_limit_in_the_designer_and_publishes_a_new_version(string process, string elementId) =>
        ScenarioAsync(async () =>
    {
        var api = await App.ApiAsync("admin@approvalflow.local");
        var before = await LatestAsync(api, process);
        var oldXml = await XmlAsync(api, before.Id);
        var limitBefore = TimeLimitOf(oldXml, elementId);
        var limitAfter = limitBefore + 2;

        var admin = await SignedInAsync("admin@approvalflow.local");
        var page = admin.Page;
        await admin.GoToAsync($"/designer?open=workflows/{process}.bpmn");
        await Expect(page.GetByTestId("designer-canvas")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.GetByTestId("designer-document")).ToContainTextAsync($"workflows/{process}.bpmn");

        // Select the task on the canvas: the properties panel shows its af: attributes.
        await page.Locator($"g.djs-element[data-element-id=\"{elementId}\"]").ClickAsync();
        await Expect(page.GetByTestId("designer-selected")).ToHaveAttributeAsync("data-element-id", elementId);
        var timeLimit = page.Locator("input[data-testid=af-timeLimitDays], [data-testid=af-timeLimitDays] input").First;
        await Expect(timeLimit).ToHaveValueAsync(limitBefore.ToString());

        await timeLimit.FillAsync(limitAfter.ToString());
        await timeLimit.PressAsync("Tab");
        await Expect(page.GetByTestId("designer-document")).ToHaveAttributeAsync("data-dirty", "true");

        await page.GetByTestId("designer-publish").ClickAsync();
        var result = page.GetByTestId("publish-result");
        await Expect(result).ToHaveAttributeAsync("data-key", process);
        await Expect(result).ToHaveAttributeAsync("data-version", (before.Version + 1).ToString());
        await Expect(page.Locator($"[data-testid=version-row][data-key=\"{process}\"][data-version=\"{before.Version + 1}\"]")).ToBeVisibleAsync();

        // Through the API: the new version carries the new limit, on every task of the step that had one (the panel keeps
        // a step's settings in step); the version before it keeps the old one.
        var after = await LatestAsync(api, process);
        after.Version.ShouldBe(before.Version + 1);
        var newXml = await XmlAsync(api, after.Id);
        TimeLimitOf(newXml, elementId).ShouldBe(limitAfter);
        foreach (var sibling in TasksOfStepWithLimit(oldXml, elementId))
            TimeLimitOf(newXml, sibling).ShouldBe(limitAfter, $"{sibling} shares the step of {elementId}");
        TimeLimitOf(await XmlAsync(api, before.Id), elementId).ShouldBe(limitBefore);
    }, $"{nameof(An_administrator_changes_a_steps_time_limit_in_the_designer_and_publishes_a_new_version)}-{process}");

    private static async Task<DefinitionVersionResponse> LatestAsync(HttpClient api, string process)
    {
        var versions = await api.GetFromJsonAsync<List<DefinitionVersionResponse>>("/api/designer/versions");
        return versions!.Where(v => v.Key == process).MaxBy(v => v.Version)!;
    }

    private static async Task<XDocument> XmlAsync(HttpClient api, Guid id)
    {
        var definition = await api.GetFromJsonAsync<DefinitionXmlResponse>($"/api/designer/versions/{id}/xml");
        return XDocument.Parse(definition!.Xml);
    }

    private static XElement Task(XDocument xml, string elementId) =>
        xml.Descendants(Bpmn + "userTask").Single(e => (string?)e.Attribute("id") == elementId);

    private static int TimeLimitOf(XDocument xml, string elementId) =>
        int.Parse((string)Task(xml, elementId).Attribute(Af + "timeLimitDays")!);

    private static IEnumerable<string> TasksOfStepWithLimit(XDocument xml, string elementId)
    {
        var step = (string?)Task(xml, elementId).Attribute(Af + "stepCode");
        return xml.Descendants(Bpmn + "userTask")
            .Where(e => (string?)e.Attribute(Af + "stepCode") == step && e.Attribute(Af + "timeLimitDays") is not null)
            .Select(e => (string)e.Attribute("id")!)
            .ToList();
    }
}
