using ApprovalFlow.Engine.Tests.Infrastructure;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

public class MigrationTests
{
    private static readonly string V1 = Process("approval", $"""
        <startEvent id="start" /><parallelGateway id="fork" />
        <userTask id="land" /><userTask id="eia" />
        <parallelGateway id="join" /><endEvent id="end" />
        {Flow("a", "start", "fork")}{Flow("b", "fork", "land")}{Flow("c", "fork", "eia")}
        {Flow("fromLand", "land", "join")}{Flow("fromEia", "eia", "join")}{Flow("z", "join", "end")}
        """);

    private static readonly string V2 = Process("approval", $"""
        <startEvent id="start" /><parallelGateway id="fork" />
        <userTask id="land" /><userTask id="eiaReview" name="环评审批" />
        <parallelGateway id="join" /><userTask id="permit" /><endEvent id="end" />
        {Flow("a", "start", "fork")}{Flow("b", "fork", "land")}{Flow("c", "fork", "eiaReview")}
        {Flow("fromLand", "land", "join")}{Flow("fromEia", "eiaReview", "join")}{Flow("y", "join", "permit")}{Flow("z", "permit", "end")}
        """);

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_case_waiting_inside_a_parallel_fork_moves_to_the_new_version_and_finishes_there(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(V1);
        var instance = await h.StartAsync("approval");
        await h.CompleteAsync(instance.Id, "land"); // this branch now waits at the join
        var eiaTask = await h.TaskAsync(instance.Id, "eia");
        await h.DeployAsync(V2);

        var result = await h.Engine().MigrateInstancesAsync("approval", 1, 2, new Dictionary<string, string> { ["eia"] = "eiaReview" }, null, "admin");
        result.Migrated.ShouldBe(1);

        var migrated = await h.InstanceAsync(instance.Id);
        migrated.Version.ShouldBe(2);
        migrated.ActiveElementIds.ShouldBe(["join", "eiaReview"], ignoreOrder: true);
        var task = await h.TaskAsync(instance.Id, "eiaReview");
        task.Id.ShouldBe(eiaTask.Id); // the same task, with its claims and history, not a new one

        await h.CompleteAsync(instance.Id, "eiaReview");
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["permit"]);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task A_case_whose_active_element_has_no_mapping_is_refused_by_name_and_nothing_moves(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(V1);
        var ready = await h.StartAsync("approval");
        await h.CompleteAsync(ready.Id, "eia");
        await h.CompleteAsync(ready.Id, "land"); // completed, not migrated
        var waiting = await h.StartAsync("approval");
        await h.DeployAsync(V2);

        var refusal = await Should.ThrowAsync<MigrationRefusedException>(() => h.Engine().MigrateInstancesAsync("approval", 1, 2, null, null, "admin"));
        refusal.Problems.ShouldContain(p => p.InstanceId == waiting.Id && p.ElementId == "eia");
        (await h.InstanceAsync(waiting.Id)).Version.ShouldBe(1);
        await Should.ThrowAsync<MigrationRefusedException>(() =>
            h.Engine().MigrateInstancesAsync("approval", 1, 2, new Dictionary<string, string> { ["eia"] = "nowhere" }, null, "admin"));
    }
}
