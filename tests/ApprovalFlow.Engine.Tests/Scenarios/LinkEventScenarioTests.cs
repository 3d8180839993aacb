using ApprovalFlow.Engine.Parsing;
using ApprovalFlow.Engine.Tests.Infrastructure;
using ApprovalFlow.Engine.Tests.Workflows;

namespace ApprovalFlow.Engine.Tests.Scenarios;

/// <summary>Link events: a throw continues at the catch of the same name in the same scope.</summary>
public class LinkEventScenarioTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_link_throw_continues_at_its_catch_forwards_and_back(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAsync(ScenarioModel.Bytes("link-events"), "test");
        var instance = await h.Engine().StartAsync("linkEvents", null, null, "starter");
        instance.ActiveElementIds.ShouldBe(["check"]);

        (await h.CompleteAsync(instance.Id, "check", new { decision = "redo" })).ActiveElementIds.ShouldBe(["check"]);
        (await h.CountAsync(instance.Id, "againThrow", "passed")).ShouldBe(1);
        (await h.CountAsync(instance.Id, "againCatch", "passed")).ShouldBe(1);

        (await h.CompleteAsync(instance.Id, "check", new { decision = "ok" })).ActiveElementIds.ShouldBe(["archive"]);
        (await h.CompleteAsync(instance.Id, "archive")).Status.ShouldBe("completed");
    }

    private static string Model(string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <process id="p" isExecutable="true">
            <startEvent id="s" />
            {body}
          </process>
        </definitions>
        """;

    [Fact]
    public void A_link_throw_without_its_catch_is_refused()
    {
        var xml = Model("""
            <intermediateThrowEvent id="go"><linkEventDefinition name="Elsewhere" /></intermediateThrowEvent>
            <sequenceFlow id="f" sourceRef="s" targetRef="go" />
            """);

        Should.Throw<DefinitionInvalidException>(() => BpmnReader.Read(xml)).Errors.ShouldHaveSingleItem().Message.ShouldContain("No link catch event named 'Elsewhere'");
    }

    [Fact]
    public void Two_link_catches_of_one_name_and_a_catch_with_incoming_flow_are_refused()
    {
        var xml = Model("""
            <intermediateThrowEvent id="go"><linkEventDefinition name="L" /></intermediateThrowEvent>
            <intermediateCatchEvent id="c1"><linkEventDefinition name="L" /></intermediateCatchEvent>
            <intermediateCatchEvent id="c2"><linkEventDefinition name="L" /></intermediateCatchEvent>
            <endEvent id="e" />
            <sequenceFlow id="f" sourceRef="s" targetRef="go" />
            <sequenceFlow id="g" sourceRef="c1" targetRef="e" />
            <sequenceFlow id="h" sourceRef="c2" targetRef="e" />
            <sequenceFlow id="i" sourceRef="s" targetRef="c2" />
            """);

        var errors = Should.Throw<DefinitionInvalidException>(() => BpmnReader.Read(xml)).Errors;

        errors.ShouldContain(e => e.ElementId == "c1" && e.Message.Contains("2 link catch events are named 'L'"));
        errors.ShouldContain(e => e.ElementId == "c2" && e.Message.Contains("may not have incoming sequence flows"));
    }

    [Fact]
    public void A_link_catch_no_throw_leads_to_cannot_be_reached()
    {
        var xml = Model("""
            <intermediateCatchEvent id="orphan"><linkEventDefinition name="Nobody" /></intermediateCatchEvent>
            <endEvent id="e" />
            <sequenceFlow id="f" sourceRef="s" targetRef="e" />
            <sequenceFlow id="g" sourceRef="orphan" targetRef="e" />
            """);

        Should.Throw<DefinitionInvalidException>(() => BpmnReader.Read(xml)).Errors.ShouldHaveSingleItem().Message.ShouldContain("cannot be reached");
    }
}
