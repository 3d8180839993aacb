using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using ApprovalFlow.Engine.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

/// <summary>Migration that moves tokens into embedded sub-processes the case was not in, and out of those it leaves.</summary>
public class MigrationScopeTests
{
    private const string Messages = """<message id="Msg_note" name="planning-note" />""";

    /// <summary>Version 1: two parallel tasks at top level.</summary>
    private static readonly string Flat = Process("scoped", $"""
        <startEvent id="start" /><parallelGateway id="fork" />
        <userTask id="landAccept" /><userTask id="planAccept" />
        <parallelGateway id="join" /><endEvent id="end" />
        {Flow("a", "start", "fork")}{Flow("b", "fork", "landAccept")}{Flow("c", "fork", "planAccept")}
        {Flow("fromLand", "landAccept", "join")}{Flow("fromPlan", "planAccept", "join")}{Flow("z", "join", "end")}
        """, Messages);

    /// <summary>
    /// Version 2: each task wrapped in its own sub-process, with a task after it inside; a timer boundary event on the land
    /// sub-process and a non-interrupting message event sub-process in the planning one.
    /// </summary>
    private static readonly string Wrapped = Process("scoped", $"""
        <startEvent id="start" /><parallelGateway id="fork" />
        <subProcess id="land">
          <startEvent id="landStart" /><userTask id="landAccept" /><endEvent id="landEnd" />
          {Flow("l1", "landStart", "landAccept")}{Flow("l2", "landAccept", "landEnd")}
        </subProcess>
        <boundaryEvent id="landLate" attachedToRef="land" cancelActivity="false"><timerEventDefinition><timeDuration>P5D</timeDuration></timerEventDefinition></boundaryEvent>
        <endEvent id="lateEnd" />
        <subProcess id="planning">
          <startEvent id="planStart" /><userTask id="planAccept" /><endEvent id="planEnd" />
          {Flow("p1", "planStart", "planAccept")}{Flow("p2", "planAccept", "planEnd")}
          <subProcess id="planNotes" triggeredByEvent="true">
            <startEvent id="noteStart" isInterrupting="false"><messageEventDefinition messageRef="Msg_note" /></startEvent>
            <userTask id="readNote" /><endEvent id="noteEnd" />
            {Flow("n1", "noteStart", "readNote")}{Flow("n2", "readNote", "noteEnd")}
          </subProcess>
        </subProcess>
        <parallelGateway id="join" /><endEvent id="end" />
        {Flow("a", "start", "fork")}{Flow("b", "fork", "land")}{Flow("c", "fork", "planning")}
        {Flow("fromLandStep", "land", "join")}{Flow("fromPlanStep", "planning", "join")}{Flow("late", "landLate", "lateEnd")}{Flow("z", "join", "end")}
        """, Messages);

    /// <summary>Version 3: the whole parallel part inside one sub-process, its join's flows renamed.</summary>
    private static readonly string Nested = Process("scoped", $"""
        <startEvent id="start" />
        <subProcess id="review">
          <startEvent id="reviewStart" /><parallelGateway id="fork" />
          <userTask id="landAccept" /><userTask id="planAccept" />
          <parallelGateway id="join" /><endEvent id="reviewEnd" />
          {Flow("a", "reviewStart", "fork")}{Flow("b", "fork", "landAccept")}{Flow("c", "fork", "planAccept")}
          {Flow("landDone", "landAccept", "join")}{Flow("planDone", "planAccept", "join")}{Flow("y", "join", "reviewEnd")}
        </subProcess>
        <userTask id="archive" /><endEvent id="end" />
        {Flow("s", "start", "review")}{Flow("t", "review", "archive")}{Flow("z", "archive", "end")}
        """, Messages);

    private static async Task<EngineHarness> HarnessAsync(StoreKind store, string first)
    {
        var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(first);
        return h;
    }

    private static Task<MigrationResult> MigrateAsync(EngineHarness h, int from, int to, Dictionary<string, string>? mapping = null) =>
        h.Engine().MigrateInstancesAsync("scoped", from, to, mapping, null, "admin");

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Two_parallel_tasks_move_each_into_its_own_sub_process_and_finish_through_it(StoreKind store)
    {
        await using var h = await HarnessAsync(store, Flat);
        var instance = await h.StartAsync("scoped");
        var other = await h.StartAsync("scoped");
        var tasks = (await h.TasksAsync(instance.Id)).ToDictionary(t => t.ElementId, t => t.Id);
        await h.DeployAsync(Wrapped);

        (await MigrateAsync(h, 1, 2)).Migrated.ShouldBe(2);

        var migrated = await h.InstanceAsync(instance.Id);
        migrated.Version.ShouldBe(2);
        migrated.ActiveElementIds.ShouldBe(["land", "planning", "landAccept", "planAccept"], ignoreOrder: true);
        (await h.TasksAsync(instance.Id)).ToDictionary(t => t.ElementId, t => t.Id).ShouldBe(tasks); // the same tasks
        // Entered by the migration, not by their start events.
        (await h.CountAsync(instance.Id, "land", "migrated-into")).ShouldBe(1);
        (await h.CountAsync(instance.Id, "planning", "migrated-into")).ShouldBe(1);
        (await h.CountAsync(instance.Id, "landStart", "passed")).ShouldBe(0);
        var visits = await h.Engine().GetElementHistoryAsync(instance.Id);
        visits.Single(v => v.ElementId == "land").EndedAt.ShouldBeNull();
        // The boundary timer of the new sub-process is armed and handed to the scheduler; the event sub-process listens.
        var timers = h.Db().Set<TimerRecord>().Where(t => t.InstanceId == instance.Id && t.Status == TimerStatus.Pending).ToList();
        timers.ShouldHaveSingleItem().ElementId.ShouldBe("landLate");
        h.Scheduler.Scheduled.Select(s => s.TimerId).ShouldContain(timers[0].Id);
        h.Db().Set<MessageSubscriptionRecord>().Count(s => s.InstanceId == instance.Id && s.ElementId == "noteStart").ShouldBe(1);
        await h.Engine().CorrelateMessageAsync("planning-note", null, instance.Id, null);
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldContain("readNote");
        await h.CompleteAsync(instance.Id, "readNote");

        // Completing a task runs its sub-process to its end and out (the land one withdraws its boundary timer).
        var afterLand = await h.CompleteAsync(instance.Id, "landAccept");
        afterLand.ActiveElementIds.ShouldBe(["planning", "join", "planAccept"], ignoreOrder: true);
        (await h.CountAsync(instance.Id, "land", "completed")).ShouldBe(1);
        h.Db().Set<TimerRecord>().Count(t => t.InstanceId == instance.Id && t.Status == TimerStatus.Pending).ShouldBe(0);
        (await h.CompleteAsync(instance.Id, "planAccept")).Status.ShouldBe("completed");
        (await h.Engine().GetElementHistoryAsync(instance.Id)).Where(v => v.ElementId is "land" or "planning")
            .Select(v => v.Outcome).ShouldBe(["completed", "completed"]);

        // The other case moved alike and went on on its own.
        (await h.InstanceAsync(other.Id)).ActiveElementIds.ShouldBe(["land", "planning", "landAccept", "planAccept"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_token_waiting_at_a_join_moves_inside_with_its_renamed_flow_and_shares_the_scope(StoreKind store)
    {
        await using var h = await HarnessAsync(store, Flat);
        var instance = await h.StartAsync("scoped");
        await h.CompleteAsync(instance.Id, "landAccept"); // waits at the join, arrived by fromLand
        await h.DeployAsync(Wrapped);
        await h.DeployAsync(Nested);

        await MigrateAsync(h, 1, 3, new() { ["fromLand"] = "landDone", ["fromPlan"] = "planDone" });

        var migrated = await h.InstanceAsync(instance.Id);
        migrated.ActiveElementIds.ShouldBe(["review", "join", "planAccept"], ignoreOrder: true);
        (await h.CountAsync(instance.Id, "review", "migrated-into")).ShouldBe(1); // one scope for both tokens

        var after = await h.CompleteAsync(instance.Id, "planAccept");
        after.ActiveElementIds.ShouldBe(["archive"]); // the join fired inside, the sub-process ended and left
        (await h.CountAsync(instance.Id, "reviewEnd", "reached")).ShouldBe(1);
        (await h.CompleteAsync(instance.Id, "archive")).Status.ShouldBe("completed");
    }

    /// <summary>Version with the land task two sub-processes deep and the planning task one deep.</summary>
    private static readonly string Deep = Process("scoped", $"""
        <startEvent id="start" />
        <subProcess id="outer">
          <startEvent id="outerStart" /><parallelGateway id="fork" />
          <subProcess id="land">
            <startEvent id="landStart" /><userTask id="landAccept" /><endEvent id="landEnd" />
            {Flow("l1", "landStart", "landAccept")}{Flow("l2", "landAccept", "landEnd")}
          </subProcess>
          <userTask id="planAccept" />
          <parallelGateway id="join" /><endEvent id="outerEnd" />
          {Flow("a", "outerStart", "fork")}{Flow("b", "fork", "land")}{Flow("c", "fork", "planAccept")}
          {Flow("fromLandStep", "land", "join")}{Flow("fromPlan", "planAccept", "join")}{Flow("y", "join", "outerEnd")}
        </subProcess>
        <endEvent id="end" />
        {Flow("s", "start", "outer")}{Flow("z", "outer", "end")}
        """, Messages);

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Tokens_move_into_nested_sub_processes_sharing_the_outer_scope(StoreKind store)
    {
        await using var h = await HarnessAsync(store, Flat);
        var instance = await h.StartAsync("scoped");
        await h.DeployAsync(Deep);

        await MigrateAsync(h, 1, 2);

        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["outer", "land", "landAccept", "planAccept"], ignoreOrder: true);
        (await h.CountAsync(instance.Id, "outer", "migrated-into")).ShouldBe(1);
        (await h.CountAsync(instance.Id, "land", "migrated-into")).ShouldBe(1);
        (await h.CompleteAsync(instance.Id, "landAccept")).ActiveElementIds.ShouldBe(["outer", "join", "planAccept"], ignoreOrder: true);
        (await h.CompleteAsync(instance.Id, "planAccept")).Status.ShouldBe("completed");
        (await h.CountAsync(instance.Id, "outer", "completed")).ShouldBe(1);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Tokens_move_out_of_sub_processes_the_new_version_lacks_and_the_emptied_scopes_go(StoreKind store)
    {
        await using var h = await HarnessAsync(store, Wrapped);
        var instance = await h.StartAsync("scoped");
        var tasks = (await h.TasksAsync(instance.Id)).ToDictionary(t => t.ElementId, t => t.Id);
        h.Db().Set<TimerRecord>().Count(t => t.InstanceId == instance.Id && t.Status == TimerStatus.Pending).ShouldBe(1);
        await h.DeployAsync(Flat);

        await MigrateAsync(h, 1, 2);

        var migrated = await h.InstanceAsync(instance.Id);
        migrated.ActiveElementIds.ShouldBe(["landAccept", "planAccept"], ignoreOrder: true);
        (await h.TasksAsync(instance.Id)).ToDictionary(t => t.ElementId, t => t.Id).ShouldBe(tasks);
        (await h.CountAsync(instance.Id, "land", "migrated-out")).ShouldBe(1);
        (await h.CountAsync(instance.Id, "planning", "migrated-out")).ShouldBe(1);
        h.Db().Set<TimerRecord>().Count(t => t.InstanceId == instance.Id && t.Status == TimerStatus.Pending).ShouldBe(0);
        h.Db().Set<MessageSubscriptionRecord>().Count(s => s.InstanceId == instance.Id).ShouldBe(0);
        (await h.Engine().GetElementHistoryAsync(instance.Id)).Where(v => v.ElementId is "land" or "planning")
            .Select(v => v.Outcome).ShouldBe(["migrated-out", "migrated-out"]);

        await h.CompleteAsync(instance.Id, "planAccept");
        (await h.CompleteAsync(instance.Id, "landAccept")).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_mapping_to_an_element_of_another_kind_is_refused_and_nothing_moves(StoreKind store)
    {
        await using var h = await HarnessAsync(store, Flat);
        var waiting = await h.StartAsync("scoped");
        var other = await h.StartAsync("scoped");
        await h.CompleteAsync(other.Id, "planAccept");
        await h.DeployAsync(Wrapped);
        var before = await StateAsync(h);

        var refusal = await Should.ThrowAsync<MigrationRefusedException>(() => MigrateAsync(h, 1, 2, new() { ["landAccept"] = "land" }));

        refusal.Problems.ShouldContain(p => p.InstanceId == waiting.Id && p.ElementId == "landAccept" && p.Message.Contains("subProcess"));
        (await StateAsync(h)).ShouldBe(before);
        (await h.InstanceAsync(waiting.Id)).Version.ShouldBe(1);
        (await h.InstanceAsync(other.Id)).ActiveElementIds.ShouldBe(["landAccept", "join"], ignoreOrder: true);
        (await h.Db().Set<HistoryRecord>().CountAsync(r => r.Event == "migrated-into")).ShouldBe(0);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task A_migration_into_a_multi_instance_sub_process_is_refused(StoreKind store)
    {
        var multi = Wrapped.Replace("""<subProcess id="land">""",
            """<subProcess id="land"><multiInstanceLoopCharacteristics isSequential="false"><loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics>""");
        await using var h = await HarnessAsync(store, Flat);
        var instance = await h.StartAsync("scoped");
        await h.DeployAsync(multi);

        var refusal = await Should.ThrowAsync<MigrationRefusedException>(() => MigrateAsync(h, 1, 2));

        refusal.Problems.ShouldContain(p => p.InstanceId == instance.Id && p.ElementId == "landAccept" && p.Message.Contains("multi-instance"));
        (await h.InstanceAsync(instance.Id)).Version.ShouldBe(1);
    }

    /// <summary>Everything the migration could touch, to compare before and after a refusal.</summary>
    private static async Task<string> StateAsync(EngineHarness h)
    {
        var db = h.Db();
        var instances = await db.Set<ProcessInstanceRecord>().OrderBy(i => i.Id).Select(i => i.Id + i.StateJson + i.DefinitionVersion + "/" + i.Revision).ToListAsync();
        var tasks = await db.Set<HumanTaskRecord>().OrderBy(t => t.Id).Select(t => t.Id + t.ElementId + t.Status).ToListAsync();
        var timers = await db.Set<TimerRecord>().CountAsync();
        var subscriptions = await db.Set<MessageSubscriptionRecord>().CountAsync();
        var history = await db.Set<HistoryRecord>().CountAsync();
        var rows = await db.Set<ElementInstanceRecord>().CountAsync();
        return string.Join("|", instances.Concat(tasks)) + $"|{timers}|{subscriptions}|{history}|{rows}";
    }
}
