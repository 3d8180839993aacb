using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

/// <summary>
/// The host's transition hook (ITransitionObserver): called inside each transition's transaction with what happened;
/// what it writes commits with the transition, and its failure leaves no trace of the transition.
/// </summary>
public class TransitionObserverTests
{
    private static readonly string Model = Process("observed", """
        <startEvent id="start" />
        <userTask id="review" af:stepCode="s1" af:role="review" />
        <boundaryEvent id="late" attachedToRef="review" cancelActivity="false"><timerEventDefinition><timeDuration>P2D</timeDuration></timerEventDefinition></boundaryEvent>
        <intermediateThrowEvent id="lateMark" af:stepCode="s1" af:marks="overdue" />
        <endEvent id="lateEnd" />
        <intermediateThrowEvent id="approvedMark" af:stepCode="s1" af:marks="approved" />
        <endEvent id="end" />
        <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
        <sequenceFlow id="f2" sourceRef="review" targetRef="approvedMark" />
        <sequenceFlow id="f3" sourceRef="approvedMark" targetRef="end" />
        <sequenceFlow id="f4" sourceRef="late" targetRef="lateMark" />
        <sequenceFlow id="f5" sourceRef="lateMark" targetRef="lateEnd" />
        """);

    /// <summary>Records every report and writes one row per report into a host table, in the transition's transaction.</summary>
    private sealed class Recorder(EngineTestContext db, Reports reports) : ITransitionObserver
    {
        public async Task OnTransitionAsync(TransitionReport report, CancellationToken ct)
        {
            if (reports.FailNext)
            {
                reports.FailNext = false;
                throw new InvalidOperationException("the host refuses this transition");
            }
            reports.All.Add(report);
            await db.Database.ExecuteSqlAsync($"INSERT INTO host_notes (instance_id, events) VALUES ({report.InstanceId.ToString()}, {report.Events.Count})", ct);
        }
    }

    private sealed class Reports
    {
        public List<TransitionReport> All { get; } = [];
        public bool FailNext { get; set; }
    }

    private static async Task<(EngineHarness Harness, Reports Reports)> HarnessAsync(StoreKind store)
    {
        var reports = new Reports();
        var h = await EngineHarness.CreateAsync(store, s =>
        {
            s.AddSingleton(reports);
            s.AddScoped<ITransitionObserver, Recorder>();
        });
        await h.Db().Database.ExecuteSqlRawAsync("CREATE TABLE host_notes (instance_id varchar(64) NOT NULL, events integer NOT NULL)");
        await h.DeployAsync(Model);
        return (h, reports);
    }

    private static async Task<int> NotesAsync(EngineHarness h) =>
        await h.Db().Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM host_notes").SingleAsync();

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task The_observer_hears_every_mover_with_the_elements_attributes_and_writes_with_the_transition(StoreKind store)
    {
        var (h, reports) = await HarnessAsync(store);
        await using var _ = h;

        var instance = await h.StartAsync("observed");
        var started = reports.All.ShouldHaveSingleItem();
        started.Started.ShouldBeTrue();
        started.InstanceId.ShouldBe(instance.Id);
        started.DefinitionKey.ShouldBe("observed");
        started.Actor.ShouldBe("starter");
        started.OpenTasks.ShouldHaveSingleItem().Extensions["role"].ShouldBe("review");
        started.Events.Select(e => e.ElementId).ShouldContain("review");

        // A timer moves the instance with no person behind it: the observer hears it too.
        h.Clock.Advance(TimeSpan.FromDays(2));
        (await h.Engine().FireTimerAsync(h.Scheduler.Scheduled.Single().TimerId)).ShouldBeTrue();
        var fired = reports.All[^1];
        fired.Actor.ShouldBeNull();
        fired.Events.Where(e => e.Reached).Select(e => e.Extensions.GetValueOrDefault("marks")).ShouldContain("overdue");
        fired.Ended.ShouldBeFalse();

        await h.CompleteAsync(instance.Id, "review");
        var completed = reports.All[^1];
        completed.Events.Where(e => e.Reached && e.Extensions.ContainsKey("marks")).Select(e => (e.ElementId, e.Extensions["marks"]))
            .ShouldBe([("approvedMark", "approved")]);
        completed.OpenTasks.ShouldBeEmpty();
        completed.Ended.ShouldBeTrue();
        completed.Status.ShouldBe("completed");

        (await NotesAsync(h)).ShouldBe(3);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_failing_observer_leaves_no_trace_of_the_transition(StoreKind store)
    {
        var (h, reports) = await HarnessAsync(store);
        await using var _ = h;

        // A refused start leaves no instance.
        reports.FailNext = true;
        await Should.ThrowAsync<InvalidOperationException>(() => h.StartAsync("observed"));
        (await h.Db().Set<ProcessInstanceRecord>().CountAsync()).ShouldBe(0);
        (await h.Db().Set<HumanTaskRecord>().CountAsync()).ShouldBe(0);

        var instance = await h.StartAsync("observed");
        var history = await h.Db().Set<HistoryRecord>().CountAsync();
        var task = await h.TaskAsync(instance.Id, "review");

        // A refused completion leaves the task open, the tokens where they were and no history.
        reports.FailNext = true;
        await Should.ThrowAsync<InvalidOperationException>(() => h.Engine().CompleteTaskAsync(task.Id, null, "officer"));
        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["review"]);
        (await h.TaskAsync(instance.Id, "review")).Id.ShouldBe(task.Id);
        (await h.Db().Set<HistoryRecord>().CountAsync()).ShouldBe(history);

        // A refused timer stays pending and fires later.
        h.Clock.Advance(TimeSpan.FromDays(2));
        var timer = h.Scheduler.Scheduled.Single().TimerId;
        reports.FailNext = true;
        await Should.ThrowAsync<InvalidOperationException>(() => h.Engine().FireTimerAsync(timer));
        (await h.Db().Set<TimerRecord>().SingleAsync(t => t.Id == timer)).Status.ShouldBe(TimerStatus.Pending);
        (await h.Engine().FireTimerAsync(timer)).ShouldBeTrue();

        (await NotesAsync(h)).ShouldBe(2, "the notes of the refused transitions were rolled back with them");
        await h.CompleteAsync(instance.Id, "review");
        (await h.InstanceAsync(instance.Id)).Status.ShouldBe("completed");
    }
}
