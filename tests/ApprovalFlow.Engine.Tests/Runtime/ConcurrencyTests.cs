using System.Text;
using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

public class ConcurrencyTests
{
    private static string TwentyBranches()
    {
        var body = new StringBuilder("""<startEvent id="start" /><parallelGateway id="fork" /><parallelGateway id="join" /><endEvent id="end" />""");
        body.Append(Flow("s", "start", "fork")).Append(Flow("e", "join", "end"));
        for (var i = 0; i < 20; i++)
            body.Append($"""<userTask id="dept{i}" camunda:candidateGroups="dept{i}" />""")
                .Append(Flow($"in{i}", "fork", $"dept{i}"))
                .Append(Flow($"out{i}", $"dept{i}", "join"));
        return Process("twenty", body.ToString());
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Twenty_departments_completing_at_once_all_succeed_and_the_join_fires_once(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(TwentyBranches());
        var instance = await h.StartAsync("twenty");
        var tasks = await h.TasksAsync(instance.Id);
        tasks.Count.ShouldBe(20);

        using var gate = new ManualResetEventSlim();
        var completions = tasks.Select(t => Task.Run(async () =>
        {
            var engine = h.Engine();
            gate.Wait();
            return await engine.CompleteTaskAsync(t.Id, null, $"officer-{t.ElementId}");
        })).ToList();
        gate.Set();
        await Task.WhenAll(completions);

        completions.ShouldAllBe(c => c.IsCompletedSuccessfully);
        (await h.InstanceAsync(instance.Id)).Status.ShouldBe("completed");
        var db = h.Db();
        (await db.Set<HistoryRecord>().CountAsync(r => r.InstanceId == instance.Id && r.ElementId == "join" && r.Event == "joined")).ShouldBe(1);
        (await db.Set<HumanTaskRecord>().CountAsync(t => t.InstanceId == instance.Id && t.Status == HumanTaskStatus.Completed)).ShouldBe(20);
        (await db.Set<HistoryRecord>().CountAsync(r => r.InstanceId == instance.Id && r.Event == "instance-completed")).ShouldBe(1);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task The_same_task_completed_twice_at_once_succeeds_once_and_is_refused_once(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(Process("once", $"""
            <startEvent id="start" /><userTask id="review" /><userTask id="next" /><endEvent id="end" />
            {Flow("a", "start", "review")}{Flow("b", "review", "next")}{Flow("c", "next", "end")}
            """));
        for (var round = 0; round < 5; round++)
        {
            var instance = await h.StartAsync("once");
            var task = await h.TaskAsync(instance.Id, "review");
            using var gate = new ManualResetEventSlim();
            var attempts = Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
            {
                var engine = h.Engine();
                gate.Wait();
                return await engine.CompleteTaskAsync(task.Id, null, $"officer{i}");
            })).ToList();
            gate.Set();
            await Task.WhenAll(attempts).ContinueWith(_ => { });

            attempts.Count(a => a.IsCompletedSuccessfully).ShouldBe(1);
            attempts.Single(a => a.IsFaulted).Exception!.InnerException.ShouldBeOfType<TaskNotOpenException>();
            (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["next"]);
        }
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task Completing_a_completed_task_is_refused_and_runs_nothing(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(Process("twice", $"""
            <startEvent id="start" /><userTask id="review" /><userTask id="next" /><endEvent id="end" />
            {Flow("a", "start", "review")}{Flow("b", "review", "next")}{Flow("c", "next", "end")}
            """));
        var instance = await h.StartAsync("twice");
        var task = await h.TaskAsync(instance.Id, "review");
        await h.Engine().CompleteTaskAsync(task.Id, null, "a");

        await Should.ThrowAsync<TaskNotOpenException>(() => h.Engine().CompleteTaskAsync(task.Id, null, "b"));
        await Should.ThrowAsync<TaskNotFoundException>(() => h.Engine().CompleteTaskAsync(Guid.NewGuid(), null, "b"));
        (await h.Db().Set<HumanTaskRecord>().CountAsync(t => t.InstanceId == instance.Id && t.ElementId == "next")).ShouldBe(1);
    }
}
