using System.Net.Http.Json;
using System.Xml.Linq;
using ApprovalFlow.BrowserTests.Infrastructure;
using ApprovalFlow.Web.Features.Definitions;
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
    [InlineData("pledge-system-approval", "startConstruction", null)]
    [InlineData("pre-construction-approval", "safetyReview", "safetyStep")]
    public Task An_administrator_changes_a_steps_time_limit_in_the_designer_and_publishes_a_new_version(string process, string elementId, string? step) =>
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

        // Select the task on the canvas (inside its step's collapsed shape, opened by the shape's drill-down button): the
        // properties panel shows its af: attributes.
        if (step is not null) await page.Locator($".djs-overlays[data-container-id=\"{step}\"] .bjs-drilldown").ClickAsync();
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

    /// <summary>Two executable pools in one file, with their diagram: publishing it deploys both processes.</summary>
    private const string TwoPools = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                     xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                     id="two-pools" targetNamespace="http://approvalflow.org/tests">
          <collaboration id="two-pools-collaboration">
            <participant id="pool-a" name="A" processRef="browser-pool-a" />
            <participant id="pool-b" name="B" processRef="browser-pool-b" />
          </collaboration>
          <process id="browser-pool-a" isExecutable="true">
            <startEvent id="a-start" /><sequenceFlow id="a-flow" sourceRef="a-start" targetRef="a-end" /><endEvent id="a-end" />
          </process>
          <process id="browser-pool-b" isExecutable="true">
            <startEvent id="b-start" /><sequenceFlow id="b-flow" sourceRef="b-start" targetRef="b-end" /><endEvent id="b-end" />
          </process>
          <bpmndi:BPMNDiagram id="diagram">
            <bpmndi:BPMNPlane id="plane" bpmnElement="two-pools-collaboration">
              <bpmndi:BPMNShape id="pool-a-di" bpmnElement="pool-a" isHorizontal="true"><dc:Bounds x="100" y="50" width="400" height="120" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="a-start-di" bpmnElement="a-start"><dc:Bounds x="180" y="92" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="a-end-di" bpmnElement="a-end"><dc:Bounds x="380" y="92" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="a-flow-di" bpmnElement="a-flow"><di:waypoint x="216" y="110" /><di:waypoint x="380" y="110" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNShape id="pool-b-di" bpmnElement="pool-b" isHorizontal="true"><dc:Bounds x="100" y="200" width="400" height="120" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="b-start-di" bpmnElement="b-start"><dc:Bounds x="180" y="242" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="b-end-di" bpmnElement="b-end"><dc:Bounds x="380" y="242" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="b-flow-di" bpmnElement="b-flow"><di:waypoint x="216" y="260" /><di:waypoint x="380" y="260" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </definitions>
        """;

    [Fact]
    public Task Publishing_a_file_of_two_pools_names_both_processes_it_deployed() => ScenarioAsync(async () =>
    {
        var api = await App.ApiAsync("admin@approvalflow.local");
        var content = new StringContent(TwoPools, System.Text.Encoding.UTF8, "application/xml");
        var first = await (await api.PostAsync("/api/definitions", content)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<DeployedResponse>();
        first!.Processes.Select(p => p.Key).ShouldBe(["browser-pool-a", "browser-pool-b"]);

        var admin = await SignedInAsync("admin@approvalflow.local");
        var page = admin.Page;
        await admin.GoToAsync($"/designer?version={first.Id}");
        await Expect(page.GetByTestId("designer-canvas")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.Locator("g.djs-element[data-element-id=\"pool-b\"]")).ToBeVisibleAsync();

        await page.GetByTestId("designer-publish").ClickAsync();

        var result = page.GetByTestId("publish-result");
        var a = first.Processes[0].Version + 1;
        var b = first.Processes[1].Version + 1;
        await Expect(result).ToHaveAttributeAsync("data-processes", $"browser-pool-a:{a},browser-pool-b:{b}");
        await Expect(result).ToContainTextAsync($"browser-pool-a 第 {a} 版、browser-pool-b 第 {b} 版");
    });

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
