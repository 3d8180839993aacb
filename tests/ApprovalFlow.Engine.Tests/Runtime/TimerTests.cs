using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

public class TimerTests
{
    private static string ReviewWithBoundaryTimer(bool interrupting) => Process("timed", $"""
        <startEvent id="start" />
        <userTask id="review" camunda:candidateGroups="eia" />
        <boundaryEvent id="late" attachedToRef="review" cancelActivity="{(interrupting ? "true" : "false")}">
          <timerEventDefinition><timeDuration>P2D</timeDuration></timerEventDefinition>
        </boundaryEvent>
        <userTask id="escalate" camunda:candidateGroups="head" />
        <endEvent id="end" />
        <endEvent id="end2" />
        {Flow("a", "start", "review")}
        {Flow("b", "review", "end")}
        {Flow("c", "late", "escalate")}
        {Flow("d", "escalate", "end2")}
        """);

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Interrupting_boundary_timer_fires_once_and_withdraws_the_task(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(ReviewWithBoundaryTimer(interrupting: true));
        var instance = await h.StartAsync("timed");
        var scheduled = h.Scheduler.Scheduled.ShouldHaveSingleItem();
        scheduled.DueAt.ShouldBe(h.Clock.GetUtcNow().UtcDateTime.AddDays(2));

        h.Clock.Advance(TimeSpan.FromDays(1));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(0);
        (await h.Engine().FireTimerAsync(scheduled.TimerId)).ShouldBeFalse(); // not due yet

        h.Clock.Advance(TimeSpan.FromDays(1));
        (await h.Engine().FireTimerAsync(scheduled.TimerId)).ShouldBeTrue();
        (await h.Engine().FireTimerAsync(scheduled.TimerId)).ShouldBeFalse();
        (await h.Engine().FireDueTimersAsync()).ShouldBe(0);

        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["escalate"]);
        var review = await h.Db().Set<HumanTaskRecord>().SingleAsync(t => t.InstanceId == instance.Id && t.ElementId == "review");
        review.Status.ShouldBe(HumanTaskStatus.Cancelled);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Non_interrupting_boundary_timer_fires_once_and_keeps_the_task(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(ReviewWithBoundaryTimer(interrupting: false));
        var instance = await h.StartAsync("timed");
        h.Clock.Advance(TimeSpan.FromDays(3));

        var fired = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => h.Engine().FireDueTimersAsync())));
        fired.Sum().ShouldBe(1);

        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["review", "escalate"], ignoreOrder: true);
        await h.CompleteAsync(instance.Id, "escalate");
        await h.CompleteAsync(instance.Id, "review");
        (await h.InstanceAsync(instance.Id)).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task Completing_the_task_first_withdraws_its_boundary_timer(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(ReviewWithBoundaryTimer(interrupting: true));
        var instance = await h.StartAsync("timed");
        await h.CompleteAsync(instance.Id, "review");
        h.Clock.Advance(TimeSpan.FromDays(5));

        (await h.Engine().FireDueTimersAsync()).ShouldBe(0);
        (await h.Db().Set<TimerRecord>().SingleAsync(t => t.InstanceId == instance.Id)).Status.ShouldBe(TimerStatus.Cancelled);
        (await h.InstanceAsync(instance.Id)).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_timer_that_fell_due_while_the_app_was_stopped_fires_after_restart(StoreKind store)
    {
        var model = Process("wait", $"""
            <startEvent id="start" />
            <intermediateCatchEvent id="coolingOff"><timerEventDefinition><timeDuration>PT4H</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <userTask id="decide" />
            <endEvent id="end" />
            {Flow("a", "start", "coolingOff")}{Flow("b", "coolingOff", "decide")}{Flow("c", "decide", "end")}
            """);
        await using var before = await EngineHarness.CreateAsync(store);
        await before.DeployAsync(model);
        var instance = await before.StartAsync("wait");
        (await before.TasksAsync(instance.Id)).ShouldBeEmpty();

        // The app stops before the job runs; it comes back a day later with nothing scheduled in memory.
        await using var after = before.Restart();
        after.Clock.Advance(TimeSpan.FromDays(1));
        (await after.Engine().FireDueTimersAsync()).ShouldBe(1);
        (await after.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["decide"]);
        (await after.Engine().FireDueTimersAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task Timer_date_and_expression_durations_are_honoured(StoreKind store)
    {
        var model = Process("dates", $"""
            <startEvent id="start" />
            <parallelGateway id="fork" />
            <intermediateCatchEvent id="onDate"><timerEventDefinition><timeDate>2026-03-10T09:00:00+08:00</timeDate></timerEventDefinition></intermediateCatchEvent>
            <intermediateCatchEvent id="afterVar"><timerEventDefinition><timeDuration>{"${wait}"}</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <parallelGateway id="join" />
            <endEvent id="end" />
            {Flow("a", "start", "fork")}{Flow("b", "fork", "onDate")}{Flow("c", "fork", "afterVar")}
            {Flow("d", "onDate", "join")}{Flow("e", "afterVar", "join")}{Flow("f", "join", "end")}
            """);
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(model);
        await h.StartAsync("dates", new { wait = "P1DT2H" });
        var due = h.Scheduler.Scheduled.Select(s => s.DueAt).OrderBy(d => d).ToList();
        due.ShouldBe([h.Clock.GetUtcNow().UtcDateTime.AddHours(26), new DateTime(2026, 3, 10, 1, 0, 0, DateTimeKind.Utc)]);
    }
}
