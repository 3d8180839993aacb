using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Engine.Tests.Scenarios;

/// <summary>Multi-instance call activities and embedded sub-processes, replayed from scenario models.</summary>
public class MultiInstanceScenarioTests
{
    private static async Task<List<ProcessInstanceRecord>> ChildrenAsync(EngineHarness h, Guid parentId) =>
        await h.Db().Set<ProcessInstanceRecord>().Where(i => i.ParentInstanceId == parentId).ToListAsync();

    private static async Task<TaskSnapshot> OpinionTaskAsync(EngineHarness h, Guid childId) => await h.TaskAsync(childId, "giveOpinion");

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_parallel_multi_instance_call_activity_calls_one_case_per_item_and_ends_on_its_completion_condition(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAllAsync(ScenarioModel.Bytes("multi-instance-call-activity"), "test");
        var parent = await h.StartAsync("miCallParent", new { departments = new[] { "planning", "fire", "environment" } }, "P-1");

        var children = await ChildrenAsync(h, parent.Id);
        children.Count.ShouldBe(3);
        var groups = new List<string>();
        foreach (var child in children) groups.AddRange((await OpinionTaskAsync(h, child.Id)).CandidateGroups);
        groups.Order().ShouldBe(["environment", "fire", "planning"]);

        var first = children[0];
        await h.Engine().CompleteTaskAsync((await OpinionTaskAsync(h, first.Id)).Id, EngineHarness.Vars(new { opinion = "agree" }), "officer");
        (await h.InstanceAsync(parent.Id)).ActiveElementIds.ShouldBe(["consult"]);
        (await h.InstanceAsync(first.Id)).Status.ShouldBe("completed");
        (await h.InstanceAsync(children[1].Id)).Status.ShouldBe("running");
        var second = children[1];
        await h.Engine().CompleteTaskAsync((await OpinionTaskAsync(h, second.Id)).Id, EngineHarness.Vars(new { opinion = "agree with conditions" }), "officer");

        var parentNow = await h.InstanceAsync(parent.Id);
        parentNow.ActiveElementIds.ShouldBe(["decide"]);
        parentNow.Variables["lastOpinion"]!.GetValue<string>().ShouldBe("agree with conditions");
        parentNow.Variables.ContainsKey("department").ShouldBeFalse(); // the element variable is local to each instance
        (await h.InstanceAsync(children[2].Id)).Status.ShouldBe("terminated"); // the third is no longer needed
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task An_error_from_one_called_case_is_caught_on_the_whole_multi_instance_activity(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAllAsync(ScenarioModel.Bytes("multi-instance-call-activity"), "test");
        var parent = await h.StartAsync("miCallParent", new { departments = new[] { "planning", "fire" } }, "P-2");
        var children = await ChildrenAsync(h, parent.Id);

        await h.Engine().CompleteTaskAsync((await OpinionTaskAsync(h, children[0].Id)).Id, EngineHarness.Vars(new { opinion = "veto" }), "officer");

        (await h.InstanceAsync(parent.Id)).ActiveElementIds.ShouldBe(["handleVeto"]);
        (await h.InstanceAsync(children[1].Id)).Status.ShouldBe("terminated");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_sequential_multi_instance_sub_process_runs_its_content_once_per_item_in_turn(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAsync(ScenarioModel.Bytes("multi-instance-sub-process"), "test");
        var instance = await h.StartAsync("miSubProcess", new { sites = new[] { "north", "south" } });

        (await h.TaskAsync(instance.Id, "inspect")).Assignee.ShouldBe("north");
        await h.CompleteAsync(instance.Id, "inspect");
        (await h.CompleteAsync(instance.Id, "report")).ActiveElementIds.ShouldContain("inspect");
        (await h.TaskAsync(instance.Id, "inspect")).Assignee.ShouldBe("south");
        await h.CompleteAsync(instance.Id, "inspect");

        (await h.CompleteAsync(instance.Id, "report")).ActiveElementIds.ShouldBe(["summarise"]);
        (await h.Db().Set<TimerRecord>().SingleAsync(t => t.InstanceId == instance.Id)).Status.ShouldBe(TimerStatus.Cancelled);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_timer_on_a_multi_instance_sub_process_interrupts_every_instance(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAsync(ScenarioModel.Bytes("multi-instance-sub-process"), "test");
        var instance = await h.StartAsync("miSubProcess", new { sites = new[] { "north", "south" } });
        await h.CompleteAsync(instance.Id, "inspect");

        h.Clock.Advance(TimeSpan.FromDays(10));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(1);

        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["escalate"]);
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["escalate"]);
    }
}
