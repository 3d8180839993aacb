using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

public class InstanceOperationTests
{
    private static readonly string TwoBranches = Process("ops", $"""
        <startEvent id="start" />
        <userTask id="register" />
        <parallelGateway id="fork" />
        <userTask id="acceptLand" /><userTask id="reviewLand" />
        <userTask id="acceptEia" />
        <boundaryEvent id="late" attachedToRef="acceptEia"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>
        <userTask id="chase" />
        <parallelGateway id="join" />
        <endEvent id="end" /><endEvent id="end2" />
        {Flow("a", "start", "register")}{Flow("b", "register", "fork")}
        {Flow("c", "fork", "acceptLand")}{Flow("d", "acceptLand", "reviewLand")}{Flow("e", "reviewLand", "join")}
        {Flow("f", "fork", "acceptEia")}{Flow("g", "acceptEia", "join")}{Flow("h", "join", "end")}
        {Flow("i", "late", "chase")}{Flow("j", "chase", "end2")}
        """);

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Send_back_out_of_one_branch_keeps_the_other_branch_task(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(TwoBranches);
        var instance = await h.StartAsync("ops");
        await h.CompleteAsync(instance.Id, "register");
        await h.CompleteAsync(instance.Id, "acceptLand");
        var eiaTask = await h.TaskAsync(instance.Id, "acceptEia");

        var after = await h.Engine().SendBackAsync(instance.Id, "reviewLand", "acceptLand", "site plan missing", "officer");
        after.ActiveElementIds.ShouldBe(["acceptEia", "acceptLand"], ignoreOrder: true);
        (await h.TaskAsync(instance.Id, "acceptEia")).Id.ShouldBe(eiaTask.Id);
        var db = h.Db();
        (await db.Set<HumanTaskRecord>().SingleAsync(t => t.InstanceId == instance.Id && t.ElementId == "reviewLand")).Status.ShouldBe(HumanTaskStatus.Cancelled);
        (await db.Set<HistoryRecord>().AnyAsync(r => r.InstanceId == instance.Id && r.Event == "sent-back-to" && r.ElementId == "acceptLand")).ShouldBeTrue();

        await h.CompleteAsync(instance.Id, "acceptLand");
        await h.CompleteAsync(instance.Id, "reviewLand");
        await h.CompleteAsync(instance.Id, "acceptEia");
        (await h.InstanceAsync(instance.Id)).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task Send_back_from_an_element_without_a_token_is_refused_by_name(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(TwoBranches);
        var instance = await h.StartAsync("ops");
        var error = await Should.ThrowAsync<ElementNotActiveException>(() => h.Engine().SendBackAsync(instance.Id, "reviewLand", "register", null, "x"));
        error.ElementId.ShouldBe("reviewLand");
        await Should.ThrowAsync<ElementNotActiveException>(() => h.Engine().SendBackAsync(instance.Id, "register", "join", null, "x"));
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Cancelling_a_case_withdraws_its_tasks_and_timers_and_keeps_the_reason(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(TwoBranches);
        var instance = await h.StartAsync("ops");
        await h.CompleteAsync(instance.Id, "register");

        var cancelled = await h.Engine().CancelInstanceAsync(instance.Id, "项目撤回 withdrawn by the enterprise", "admin");
        cancelled.Status.ShouldBe("terminated");
        cancelled.EndReason.ShouldBe("项目撤回 withdrawn by the enterprise");
        (await h.TasksAsync(instance.Id)).ShouldBeEmpty();
        (await h.Db().Set<TimerRecord>().SingleAsync(t => t.InstanceId == instance.Id)).Status.ShouldBe(TimerStatus.Cancelled);
        await Should.ThrowAsync<InstanceNotRunningException>(() => h.Engine().CancelInstanceAsync(instance.Id, "again", "admin"));
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task A_suspended_case_refuses_work_and_its_timers_wait_until_it_is_resumed(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(TwoBranches);
        var instance = await h.StartAsync("ops");
        await h.CompleteAsync(instance.Id, "register");
        (await h.Engine().SuspendInstanceAsync(instance.Id, "hearing", "admin")).Suspended.ShouldBeTrue();

        var task = await h.TaskAsync(instance.Id, "acceptLand");
        await Should.ThrowAsync<InstanceNotRunningException>(() => h.Engine().CompleteTaskAsync(task.Id, null, "officer"));
        h.Clock.Advance(TimeSpan.FromDays(2));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(0);

        await h.Engine().ResumeInstanceAsync(instance.Id, "admin");
        (await h.Engine().FireDueTimersAsync()).ShouldBe(1);
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["acceptLand", "chase"], ignoreOrder: true);
    }
}
