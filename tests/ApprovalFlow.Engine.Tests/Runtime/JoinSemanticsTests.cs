using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

public class JoinSemanticsTests
{
    private static readonly string ReviewLoopInBranch = Process("loop", $"""
        <startEvent id="start" />
        <parallelGateway id="fork" />
        <userTask id="reviewLand" name="土地审查" camunda:candidateGroups="land" />
        <exclusiveGateway id="decideLand" default="approveLand" />
        <userTask id="resubmitLand" name="企业补正" camunda:candidateGroups="enterprise" />
        <userTask id="reviewPlanning" camunda:candidateGroups="planning" />
        <parallelGateway id="join" />
        <userTask id="issue" />
        <endEvent id="end" />
        {Flow("f1", "start", "fork")}
        {Flow("f2", "fork", "reviewLand")}
        {Flow("f3", "reviewLand", "decideLand")}
        {Flow("approveLand", "decideLand", "join")}
        {Flow("rejectLand", "decideLand", "resubmitLand", "${outcome == 'return'}")}
        {Flow("f4", "resubmitLand", "reviewLand")}
        {Flow("f5", "fork", "reviewPlanning")}
        {Flow("f6", "reviewPlanning", "join")}
        {Flow("f7", "join", "issue")}
        {Flow("f8", "issue", "end")}
        """);

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Join_waits_through_a_return_and_resubmit_loop_in_one_branch_and_fires_once(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(ReviewLoopInBranch);
        var instance = await h.StartAsync("loop");

        await h.CompleteAsync(instance.Id, "reviewPlanning");
        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["reviewLand", "join"], ignoreOrder: true);

        // Returned for correction twice: the planning token keeps waiting at the join, nothing is cancelled.
        for (var round = 0; round < 2; round++)
        {
            await h.CompleteAsync(instance.Id, "reviewLand", new { outcome = "return" });
            (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["resubmitLand"]);
            await h.CompleteAsync(instance.Id, "resubmitLand");
            (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["join", "reviewLand"], ignoreOrder: true);
        }

        await h.CompleteAsync(instance.Id, "reviewLand", new { outcome = "approve" });
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["issue"]);
        await h.CompleteAsync(instance.Id, "issue");

        (await h.InstanceAsync(instance.Id)).Status.ShouldBe("completed");
        var db = h.Db();
        (await db.Set<HistoryRecord>().CountAsync(r => r.InstanceId == instance.Id && r.ElementId == "join" && r.Event == "joined")).ShouldBe(1);
        (await db.Set<HumanTaskRecord>().CountAsync(t => t.InstanceId == instance.Id && t.Status == HumanTaskStatus.Cancelled)).ShouldBe(0);
    }

    private static readonly string DoubleTokenOnOneFlow = Process("double", $"""
        <startEvent id="start" />
        <parallelGateway id="fork" />
        <userTask id="a1" />
        <userTask id="a2" />
        <exclusiveGateway id="merge" />
        <userTask id="b" />
        <parallelGateway id="join" />
        <userTask id="after" />
        <endEvent id="end" />
        {Flow("s", "start", "fork")}
        {Flow("toA1", "fork", "a1")}
        {Flow("toA2", "fork", "a2")}
        {Flow("toB", "fork", "b")}
        {Flow("a1m", "a1", "merge")}
        {Flow("a2m", "a2", "merge")}
        {Flow("fromA", "merge", "join")}
        {Flow("fromB", "b", "join")}
        {Flow("j", "join", "after")}
        {Flow("e", "after", "end")}
        """);

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Join_never_fires_on_two_tokens_arriving_by_the_same_flow(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(DoubleTokenOnOneFlow);
        var instance = await h.StartAsync("double");

        await h.CompleteAsync(instance.Id, "a1");
        await h.CompleteAsync(instance.Id, "a2");
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["b"]);

        await h.CompleteAsync(instance.Id, "b");
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["after"]);
        // The second token that came by 'fromA' waits for the next firing.
        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["join", "after"], ignoreOrder: true);
        var joined = await h.Db().Set<HistoryRecord>().CountAsync(r => r.InstanceId == instance.Id && r.ElementId == "join" && r.Event == "joined");
        joined.ShouldBe(1);
    }

    private static readonly string InclusiveThreeWays = Process("incl", $"""
        <startEvent id="start" />
        <inclusiveGateway id="split" />
        <userTask id="land" />
        <userTask id="eia" />
        <userTask id="safety" />
        <inclusiveGateway id="join" />
        <userTask id="after" />
        <endEvent id="end" />
        {Flow("s", "start", "split")}
        {Flow("toLand", "split", "land", "${needLand}")}
        {Flow("toEia", "split", "eia", "${needEia}")}
        {Flow("toSafety", "split", "safety", "${needSafety}")}
        {Flow("l", "land", "join")}
        {Flow("e1", "eia", "join")}
        {Flow("s1", "safety", "join")}
        {Flow("j", "join", "after")}
        {Flow("e", "after", "end")}
        """);

    [Theory]
    [InlineData(StoreKind.Sqlite, 1)]
    [InlineData(StoreKind.Sqlite, 2)]
    [InlineData(StoreKind.Sqlite, 3)]
    [InlineData(StoreKind.Postgres, 1)]
    [InlineData(StoreKind.Postgres, 2)]
    [InlineData(StoreKind.Postgres, 3)]
    public async Task Inclusive_join_waits_for_exactly_the_branches_that_were_taken(StoreKind store, int active)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(InclusiveThreeWays);
        var instance = await h.StartAsync("incl", new { needLand = active >= 1, needEia = active >= 2, needSafety = active >= 3 });
        var branches = new[] { "land", "eia", "safety" }.Take(active).ToList();
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(branches, ignoreOrder: true);

        foreach (var (branch, i) in branches.Select((b, i) => (b, i)))
        {
            (await h.TasksAsync(instance.Id)).ShouldNotContain(t => t.ElementId == "after");
            await h.CompleteAsync(instance.Id, branch);
            var open = (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ToList();
            if (i < active - 1) open.ShouldNotContain("after");
            else open.ShouldBe(["after"]);
        }
        await h.CompleteAsync(instance.Id, "after");
        (await h.InstanceAsync(instance.Id)).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task Inclusive_join_keeps_waiting_while_a_token_upstream_can_still_arrive(StoreKind store)
    {
        var model = Process("incl-loop", $"""
            <startEvent id="start" />
            <inclusiveGateway id="split" />
            <userTask id="land" />
            <exclusiveGateway id="check" default="ok" />
            <userTask id="fix" />
            <userTask id="eia" />
            <inclusiveGateway id="join" />
            <endEvent id="end" />
            {Flow("s", "start", "split")}
            {Flow("toLand", "split", "land", "${true}")}
            {Flow("toEia", "split", "eia", "${true}")}
            {Flow("l", "land", "check")}
            {Flow("ok", "check", "join")}
            {Flow("bad", "check", "fix", "${outcome == 'return'}")}
            {Flow("f", "fix", "land")}
            {Flow("e1", "eia", "join")}
            {Flow("j", "join", "end")}
            """);
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(model);
        var instance = await h.StartAsync("incl-loop");
        await h.CompleteAsync(instance.Id, "eia");
        await h.CompleteAsync(instance.Id, "land", new { outcome = "return" });
        (await h.InstanceAsync(instance.Id)).Status.ShouldBe("running");
        await h.CompleteAsync(instance.Id, "fix");
        await h.CompleteAsync(instance.Id, "land", new { outcome = "ok" });
        (await h.InstanceAsync(instance.Id)).Status.ShouldBe("completed");
    }
}
