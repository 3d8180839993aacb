using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using ApprovalFlow.Engine.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Engine.Tests.Scenarios;

/// <summary>Repeating timers (timeCycle R[n]/duration), replayed from the scenario models of this folder.</summary>
public class TimerCycleScenarioTests
{
    public sealed class Mailbox
    {
        public int Sent;
    }

    private sealed class EmailHandler(Mailbox mailbox) : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref mailbox.Sent);
            return ValueTask.CompletedTask;
        }
    }

    private static async Task<(EngineHarness, Mailbox)> ReminderHarnessAsync(StoreKind store)
    {
        var mailbox = new Mailbox();
        var h = await EngineHarness.CreateAsync(store, s =>
        {
            s.AddSingleton(mailbox);
            s.AddServiceTaskHandler<EmailHandler>("emailService");
        });
        await h.Engine().DeployAsync(ScenarioModel.Bytes("reminder-cycle"), "test");
        return (h, mailbox);
    }

    private static Task<List<TimerRecord>> PendingAsync(EngineHarness h, Guid instanceId) =>
        h.Db().Set<TimerRecord>().Where(t => t.InstanceId == instanceId && t.Status == TimerStatus.Pending).OrderBy(t => t.DueAt).ToListAsync();

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_bounded_cycle_on_a_non_interrupting_boundary_event_fires_its_n_times_one_interval_apart(StoreKind store)
    {
        var (h, mailbox) = await ReminderHarnessAsync(store);
        await using var _ = h;
        var instance = await h.Engine().StartAsync("reminderCycle", "REQ-1", null, "starter");
        var t0 = h.Clock.GetUtcNow().UtcDateTime;
        (await PendingAsync(h, instance.Id)).Select(t => (t.ElementId, t.DueAt)).ShouldBe([("daily", t0.AddDays(1)), ("aWeek", t0.AddDays(7))]);

        for (var day = 1; day <= 3; day++)
        {
            h.Clock.Advance(TimeSpan.FromDays(1));
            (await h.Engine().FireDueTimersAsync()).ShouldBe(1);
            mailbox.Sent.ShouldBe(day);
            (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["waitForAnswer"]);
        }
        // The third repetition was the last: only the week's timer is left.
        (await PendingAsync(h, instance.Id)).Select(t => (t.ElementId, t.DueAt)).ShouldBe([("aWeek", t0.AddDays(7))]);
        h.Scheduler.Scheduled.Select(s => s.DueAt).Order().ShouldBe([t0.AddDays(1), t0.AddDays(2), t0.AddDays(3), t0.AddDays(7)]);

        h.Clock.Advance(TimeSpan.FromDays(4));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(1);
        mailbox.Sent.ShouldBe(3);
        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["callApplicant"]);
        (await h.CountAsync(instance.Id, "daily", "timer-fired")).ShouldBe(3);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task The_cycle_stops_when_its_activity_ends(StoreKind store)
    {
        var (h, mailbox) = await ReminderHarnessAsync(store);
        await using var _ = h;
        var instance = await h.Engine().StartAsync("reminderCycle", "REQ-2", null, "starter");
        h.Clock.Advance(TimeSpan.FromDays(1));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(1);

        var answered = await h.Engine().CorrelateMessageAsync("AnswerReceived", "REQ-2", null, null);

        answered.Status.ShouldBe("completed");
        (await PendingAsync(h, instance.Id)).ShouldBeEmpty();
        h.Clock.Advance(TimeSpan.FromDays(10));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(0);
        mailbox.Sent.ShouldBe(1);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_repetition_fired_late_sets_the_next_one_interval_after_the_firing_not_in_the_past(StoreKind store)
    {
        var (h, mailbox) = await ReminderHarnessAsync(store);
        await using var _ = h;
        var instance = await h.Engine().StartAsync("reminderCycle", "REQ-3", null, "starter");

        h.Clock.Advance(TimeSpan.FromHours(60)); // the sweep ran 36 hours late: the second repetition would be past already
        (await h.Engine().FireDueTimersAsync()).ShouldBe(1);

        mailbox.Sent.ShouldBe(1);
        var next = (await PendingAsync(h, instance.Id)).First(t => t.ElementId == "daily");
        next.DueAt.ShouldBe(h.Clock.GetUtcNow().UtcDateTime.AddDays(1));
        next.Attempt.ShouldBe(2);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_cycle_on_a_catch_event_or_an_interrupting_boundary_event_fires_once(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAsync(ScenarioModel.Bytes("interrupting-cycle"), "test");
        var instance = await h.Engine().StartAsync("interruptingCycle", null, null, "starter");

        h.Clock.Advance(TimeSpan.FromHours(12));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(1);
        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["review"]);
        (await PendingAsync(h, instance.Id)).ShouldHaveSingleItem().ElementId.ShouldBe("tooSlow");

        h.Clock.Advance(TimeSpan.FromDays(2));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(1);
        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["escalate"]);
        (await PendingAsync(h, instance.Id)).ShouldBeEmpty();
    }
}
