using System.Xml.Linq;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Parsing;
using ApprovalFlow.Engine.Tests.Infrastructure;

namespace ApprovalFlow.Engine.Tests.Workflows;

public class ShippedModelTests
{
    private static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Di = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static readonly XNamespace DiWaypoint = "http://www.omg.org/spec/DD/20100524/DI";
    private static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";

    /// <summary>A step tells the others of its own case only: every signal a shipped model throws is scoped to the case.</summary>
    [Theory]
    [InlineData("pre-construction-approval")]
    [InlineData("pledge-system-approval")]
    public void Every_signal_a_shipped_model_throws_stays_within_its_case(string key)
    {
        var model = ApprovalFlow.Engine.Parsing.BpmnReader.Read(File.ReadAllText(ShippedWorkflow.PathOf(key)));
        var throws = model.Nodes.Values.Where(n => n.Trigger == ApprovalFlow.Engine.Model.EventTrigger.Signal
            && n.Kind is ApprovalFlow.Engine.Model.NodeKind.IntermediateThrowEvent or ApprovalFlow.Engine.Model.NodeKind.EndEvent).ToList();
        if (key == "pre-construction-approval") throws.Count.ShouldBeGreaterThanOrEqualTo(7);
        throws.Where(n => !n.ThrowsWithinInstance).Select(n => n.Id).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(StoreKind.Sqlite, ShippedWorkflow.PreConstruction)]
    [InlineData(StoreKind.Sqlite, ShippedWorkflow.PledgeSystem)]
    [InlineData(StoreKind.Postgres, ShippedWorkflow.PreConstruction)]
    [InlineData(StoreKind.Postgres, ShippedWorkflow.PledgeSystem)]
    public async Task A_shipped_model_deploys_under_its_own_key(StoreKind store, string key)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        var deployed = await h.DeployShippedAsync(key);
        deployed.Key.ShouldBe(key);
        deployed.Version.ShouldBe(1);
        (await h.DeployShippedAsync(key)).Version.ShouldBe(2);
    }

    // The figures and their sources are listed in workflows/README.md.
    [Theory]
    [InlineData("land", "natural-resources", 20, false, false, false)]
    [InlineData("planning", "natural-resources", 20, true, true, true)]
    [InlineData("eia", "ecology-environment", 15, true, true, true)]
    [InlineData("safety", "emergency-management", 10, true, true, true)]
    [InlineData("permit", "housing-construction", 7, true, false, true)]
    public void Every_task_of_a_step_carries_the_steps_attributes(string step, string department, int days,
        bool toleratedGap, bool pledgeReplaceable, bool virtualApproval)
    {
        var model = BpmnReader.Read(ShippedWorkflow.Bytes(ShippedWorkflow.PreConstruction));
        var tasks = model.Nodes.Values
            .Where(n => n.Kind == NodeKind.UserTask && n.Extensions.GetValueOrDefault("stepCode") == step)
            .ToList();
        tasks.Select(t => t.Id).ShouldBe([$"{step}Accept", $"{step}Review", $"{step}Decide", $"{step}Resubmit"], ignoreOrder: true);
        foreach (var task in tasks)
        {
            task.Extensions["department"].ShouldBe(department);
            task.Extensions["toleratedGap"].ShouldBe(toleratedGap ? "true" : "false");
            task.Extensions["pledgeReplaceable"].ShouldBe(pledgeReplaceable ? "true" : "false");
            task.Extensions["virtualApproval"].ShouldBe(virtualApproval ? "true" : "false");
            var enterprise = task.Id.EndsWith("Resubmit", StringComparison.Ordinal);
            task.Assignment.CandidateGroups.ShouldBe(enterprise ? "enterprise" : department);
            // The enterprise's correction time is not the department's: no time limit on the resubmission.
            task.Extensions.GetValueOrDefault("timeLimitDays").ShouldBe(enterprise ? null : days.ToString());
        }
        var overdue = model.Node($"{step}ReviewOverdue");
        overdue.AttachedTo!.Id.ShouldBe($"{step}Review");
        overdue.CancelActivity.ShouldBeFalse();
        overdue.Timer!.Kind.ShouldBe(TimerKind.WorkingDays);
        overdue.Timer.Text.ShouldBe(days.ToString());
    }

    [Theory]
    [InlineData(ShippedWorkflow.PreConstruction)]
    [InlineData(ShippedWorkflow.PledgeSystem)]
    public void Every_element_has_a_shape_and_every_flow_an_edge_in_the_diagram(string key)
    {
        var doc = XDocument.Load(ShippedWorkflow.PathOf(key));
        var process = doc.Root!.Element(Model + "process")!;
        var nodes = process.Descendants()
            .Where(e => e.Name.Namespace == Model && e.Attribute("id") is not null && e.Parent!.Name.LocalName is "process" or "subProcess")
            .Where(e => e.Name.LocalName != "sequenceFlow")
            .Select(e => (string)e.Attribute("id")!)
            .ToList();
        var flows = process.Descendants(Model + "sequenceFlow").Select(e => (string)e.Attribute("id")!).ToList();
        var shapes = doc.Descendants(Di + "BPMNShape").ToDictionary(s => (string)s.Attribute("bpmnElement")!);
        var edges = doc.Descendants(Di + "BPMNEdge").ToDictionary(s => (string)s.Attribute("bpmnElement")!);

        nodes.Where(id => !shapes.ContainsKey(id)).ShouldBeEmpty();
        flows.Where(id => !edges.ContainsKey(id)).ShouldBeEmpty();
        shapes.Keys.Except(nodes).ShouldBeEmpty();
        edges.Keys.Except(flows).ShouldBeEmpty();
        foreach (var shape in shapes.Values)
        {
            var bounds = shape.Element(Dc + "Bounds")!;
            ((double)bounds.Attribute("x")!).ShouldBeGreaterThanOrEqualTo(0);
            ((double)bounds.Attribute("y")!).ShouldBeGreaterThanOrEqualTo(0);
            ((double)bounds.Attribute("width")!).ShouldBeGreaterThan(0);
        }
        foreach (var edge in edges.Values)
            edge.Elements(DiWaypoint + "waypoint").Count().ShouldBeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [InlineData(ShippedWorkflow.PreConstruction)]
    [InlineData(ShippedWorkflow.PledgeSystem)]
    public void Every_element_is_named_in_Chinese_and_documented_in_English(string key)
    {
        var doc = XDocument.Load(ShippedWorkflow.PathOf(key));
        var process = doc.Root!.Element(Model + "process")!;
        var elements = process.Descendants()
            .Where(e => e.Name.Namespace == Model && e.Attribute("id") is not null && e.Name.LocalName != "sequenceFlow"
                        && !e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal))
            .ToList();
        elements.Count.ShouldBeGreaterThan(10);
        foreach (var e in elements)
        {
            var name = (string?)e.Attribute("name") ?? "";
            name.Any(c => c >= '\u4e00' && c <= '\u9fff').ShouldBeTrue($"{e.Attribute("id")} has no Chinese name");
            var documentation = e.Element(Model + "documentation")?.Value ?? "";
            documentation.Any(char.IsAsciiLetter).ShouldBeTrue($"{e.Attribute("id")} has no English documentation");
        }
    }
}
