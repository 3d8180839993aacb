using ApprovalFlow.Engine.Tests.Infrastructure;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

public class MessageTests
{
    private const string Messages = """
        <message id="msgLand" name="LandContractSigned" />
        <message id="msgWithdraw" name="ApplicationWithdrawn" />
        """;

    private static readonly string Model = Process("msg", $"""
        <startEvent id="start" />
        <intermediateCatchEvent id="waitLand"><messageEventDefinition messageRef="msgLand" /></intermediateCatchEvent>
        <userTask id="review" />
        <boundaryEvent id="withdrawn" attachedToRef="review"><messageEventDefinition messageRef="msgWithdraw" /></boundaryEvent>
        <endEvent id="done" />
        <endEvent id="cancelled" />
        {Flow("a", "start", "waitLand")}{Flow("b", "waitLand", "review")}{Flow("c", "review", "done")}{Flow("d", "withdrawn", "cancelled")}
        """, Messages);

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Messages_correlate_by_business_key_and_by_instance_id(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(Model);
        var first = await h.StartAsync("msg", businessKey: "2026-131102-48-01-000001");
        var second = await h.StartAsync("msg", businessKey: "2026-131102-48-01-000002");

        var after = await h.Engine().CorrelateMessageAsync("LandContractSigned", "2026-131102-48-01-000001", null, EngineHarness.Vars(new { landArea = 12.5m }));
        after.Id.ShouldBe(first.Id);
        after.ActiveElementIds.ShouldBe(["review"]);
        after.Variables["landArea"]!.GetValue<decimal>().ShouldBe(12.5m);
        (await h.InstanceAsync(second.Id)).ActiveElementIds.ShouldBe(["waitLand"]);

        await h.Engine().CorrelateMessageAsync("LandContractSigned", null, second.Id, null);
        (await h.InstanceAsync(second.Id)).ActiveElementIds.ShouldBe(["review"]);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task A_message_nobody_waits_for_is_refused(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(Model);
        var instance = await h.StartAsync("msg", businessKey: "P-1");
        await Should.ThrowAsync<MessageNotCorrelatedException>(() => h.Engine().CorrelateMessageAsync("ApplicationWithdrawn", "P-1", null, null));
        await Should.ThrowAsync<MessageNotCorrelatedException>(() => h.Engine().CorrelateMessageAsync("LandContractSigned", "P-2", null, null));
        await Should.ThrowAsync<EngineException>(() => h.Engine().CorrelateMessageAsync("LandContractSigned", null, null, null));
        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["waitLand"]);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task Two_instances_waiting_under_one_business_key_make_the_message_ambiguous(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(Model);
        await h.StartAsync("msg", businessKey: "same");
        await h.StartAsync("msg", businessKey: "same");
        await Should.ThrowAsync<MessageAmbiguousException>(() => h.Engine().CorrelateMessageAsync("LandContractSigned", "same", null, null));
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Interrupting_message_boundary_event_withdraws_the_task(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(Model);
        var instance = await h.StartAsync("msg", businessKey: "P-9");
        await h.Engine().CorrelateMessageAsync("LandContractSigned", "P-9", null, null);
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["review"]);

        var end = await h.Engine().CorrelateMessageAsync("ApplicationWithdrawn", "P-9", null, null);
        end.Status.ShouldBe("completed");
        (await h.TasksAsync(instance.Id)).ShouldBeEmpty();
        await Should.ThrowAsync<MessageNotCorrelatedException>(() => h.Engine().CorrelateMessageAsync("ApplicationWithdrawn", "P-9", null, null));
    }
}
