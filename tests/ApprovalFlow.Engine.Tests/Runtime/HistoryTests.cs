using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

public class HistoryTests
{
    private static readonly string Model = Process("hist", $"""
        <startEvent id="start" /><parallelGateway id="fork" />
        <userTask id="land" />
        <userTask id="eia" />
        <boundaryEvent id="late" attachedToRef="eia"><timerEventDefinition><timeDuration>P3D</timeDuration></timerEventDefinition></boundaryEvent>
        <endEvent id="lateEnd" />
        <parallelGateway id="join" /><endEvent id="end" />
        {Flow("a", "start", "fork")}{Flow("b", "fork", "land")}{Flow("c", "fork", "eia")}
        {Flow("d", "land", "join")}{Flow("e", "eia", "join")}{Flow("f", "join", "end")}{Flow("g", "late", "lateEnd")}
        """);

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Every_element_visit_has_its_start_end_outcome_and_actor(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(Model);
        var instance = await h.StartAsync("hist");
        h.Clock.Advance(TimeSpan.FromHours(5));
        await h.CompleteAsync(instance.Id, "land");
        h.Clock.Advance(TimeSpan.FromDays(3));
        await h.Engine().FireDueTimersAsync();

        var visits = await h.Engine().GetElementHistoryAsync(instance.Id);
        var land = visits.Single(v => v.ElementId == "land");
        land.Outcome.ShouldBe("completed");
        land.Actor.ShouldBe("officer");
        (land.EndedAt - land.StartedAt).ShouldBe(TimeSpan.FromHours(5));
        visits.Single(v => v.ElementId == "eia").Outcome.ShouldBe("interrupted");
        visits.Single(v => v.ElementId == "late").Outcome.ShouldBe("timer-fired");
        visits.Single(v => v.ElementId == "start").Outcome.ShouldBe("passed");
        visits.ShouldAllBe(v => v.EndedAt != null);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task Purge_removes_cases_ended_before_the_retention_period_and_keeps_running_ones(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(Model);
        var old = await h.StartAsync("hist");
        await h.Engine().CancelInstanceAsync(old.Id, "withdrawn", "admin");
        var running = await h.StartAsync("hist");
        h.Clock.Advance(TimeSpan.FromDays(400));
        var recent = await h.StartAsync("hist");
        await h.Engine().CancelInstanceAsync(recent.Id, "withdrawn", "admin");

        (await h.Engine().PurgeEndedInstancesAsync(TimeSpan.FromDays(365))).ShouldBe(1);
        var db = h.Db();
        (await db.Set<ProcessInstanceRecord>().Select(i => i.Id).ToListAsync()).ShouldBe([running.Id, recent.Id], ignoreOrder: true);
        (await db.Set<HistoryRecord>().AnyAsync(r => r.InstanceId == old.Id)).ShouldBeFalse();
        (await db.Set<HumanTaskRecord>().AnyAsync(r => r.InstanceId == old.Id)).ShouldBeFalse();
        (await db.Set<HistoryRecord>().AnyAsync(r => r.InstanceId == running.Id)).ShouldBeTrue();
    }
}
