using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

public class CallActivityTests
{
    private static readonly string Parent = Process("parent", $"""
        <startEvent id="start" />
        <callActivity id="verifyPledge" calledElement="verification">
          <extensionElements>
            <camunda:in source="pledgeId" target="pledge" />
            <camunda:out source="verdict" target="pledgeVerdict" />
          </extensionElements>
        </callActivity>
        <boundaryEvent id="broken" attachedToRef="verifyPledge"><errorEventDefinition errorRef="e1" /></boundaryEvent>
        <userTask id="accept" /><userTask id="revoke" /><endEvent id="end" /><endEvent id="end2" />
        {Flow("a", "start", "verifyPledge")}{Flow("b", "verifyPledge", "accept")}{Flow("c", "accept", "end")}
        {Flow("d", "broken", "revoke")}{Flow("e", "revoke", "end2")}
        """, """<error id="e1" errorCode="PLEDGE_BROKEN" />""");

    private static readonly string Child = Process("verification", $"""
        <startEvent id="start" /><userTask id="siteInspection" camunda:candidateGroups="{"${'inspect-' + pledge}"}" />
        <exclusiveGateway id="kept" default="ok" />
        <endEvent id="done" /><endEvent id="breach"><errorEventDefinition errorRef="e1" /></endEvent>
        {Flow("a", "start", "siteInspection")}{Flow("b", "siteInspection", "kept")}{Flow("ok", "kept", "done")}{Flow("bad", "kept", "breach", "${verdict == 'broken'}")}
        """, """<error id="e1" errorCode="PLEDGE_BROKEN" />""");

    private static async Task<(Guid Parent, Guid Child)> StartAsync(EngineHarness h)
    {
        await h.DeployAsync(Child);
        await h.DeployAsync(Parent);
        var parent = await h.StartAsync("parent", new { pledgeId = "PL-9", secret = "not passed" }, "P-1");
        var child = await h.Db().Set<ProcessInstanceRecord>().SingleAsync(i => i.ParentInstanceId == parent.Id);
        return (parent.Id, child.Id);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task The_parent_waits_for_the_called_case_and_gets_its_output_variables(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        var (parent, child) = await StartAsync(h);
        (await h.InstanceAsync(parent)).ActiveElementIds.ShouldBe(["verifyPledge"]);
        var childState = await h.InstanceAsync(child);
        childState.BusinessKey.ShouldBe("P-1");
        childState.Variables["pledge"]!.GetValue<string>().ShouldBe("PL-9");
        childState.Variables.ContainsKey("secret").ShouldBeFalse();
        (await h.TaskAsync(child, "siteInspection")).CandidateGroups.ShouldBe(["inspect-PL-9"]);

        await h.CompleteAsync(child, "siteInspection", new { verdict = "kept" });
        (await h.InstanceAsync(child)).Status.ShouldBe("completed");
        var after = await h.InstanceAsync(parent);
        after.ActiveElementIds.ShouldBe(["accept"]);
        after.Variables["pledgeVerdict"]!.GetValue<string>().ShouldBe("kept");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Cancelling_the_parent_cancels_the_called_case(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        var (parent, child) = await StartAsync(h);
        await Should.ThrowAsync<EngineException>(() => h.Engine().CancelInstanceAsync(child, "not this way", "admin"));

        await h.Engine().CancelInstanceAsync(parent, "project withdrawn", "admin");
        var childState = await h.InstanceAsync(child);
        childState.Status.ShouldBe("terminated");
        (await h.TasksAsync(child)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task An_error_ending_the_called_case_is_caught_at_the_call_activity(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        var (parent, child) = await StartAsync(h);
        await h.CompleteAsync(child, "siteInspection", new { verdict = "broken" });
        (await h.InstanceAsync(child)).Status.ShouldBe("terminated");
        (await h.TasksAsync(parent)).Select(t => t.ElementId).ShouldBe(["revoke"]);
    }
}
