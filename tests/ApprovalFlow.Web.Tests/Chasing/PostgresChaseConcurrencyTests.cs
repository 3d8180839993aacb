using ApprovalFlow.Web.Features.Chasing;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using static ApprovalFlow.Web.Tests.Chasing.ChaseWorld;

namespace ApprovalFlow.Web.Tests.Chasing;

/// <summary>Several app servers on one PostgreSQL database, each sweeping: every rung is written, and notified, once.</summary>
public sealed class PostgresChaseConcurrencyTests(PostgresWebAppFactory factory) : IClassFixture<PostgresWebAppFactory>
{
    [Fact]
    public async Task Two_app_instances_sweeping_the_same_overdue_steps_at_once_write_each_chase_once()
    {
        var clock = new SettableClock(Accepted);
        await using var first = Host(factory, clock);
        await using var second = Host(factory, clock);
        var worlds = new List<ChaseWorld>();
        for (var i = 0; i < 3; i++) worlds.Add(await ChaseWorld.CreateAsync(i % 2 == 0 ? first : second, clock));

        clock.Now = China(2026, 3, 23, 9);
        var sweeps = Enumerable.Range(0, 4).SelectMany(_ => new[] { SweepAsync(first, clock), SweepAsync(second, clock) }).ToList();
        var results = await Task.WhenAll(sweeps);

        foreach (var world in worlds)
        {
            (await ChasesOfAsync(first, world.StepId)).ShouldBe([ChaseLevel.Reminder, ChaseLevel.Escalation, ChaseLevel.LeaderEscalation]);
            (await world.InboxKindsAsync(second, world.Head.Id)).ShouldBe(["chase.escalation"], "the reminder went to the officer holding the review");
            (await world.InboxKindsAsync(first, world.Supervisor.Id)).ShouldBe(["chase.leader-escalation"]);
            (await world.InboxKindsAsync(first, world.Leader.Id)).ShouldBe(["chase.leader-escalation"]);
            (await world.EmailsToAsync(first, world.Leader.Email)).ShouldBe(1);
        }
        results.Sum(r => r.Chased).ShouldBeGreaterThanOrEqualTo(9);
        (await SweepAsync(second, clock)).Chased.ShouldBe(0, "nothing is left to chase");
    }

    [Fact]
    public async Task Three_app_instances_sweeping_many_batches_at_once_write_each_chase_once()
    {
        // The scale-out set-up of issue 14: three servers, each running the recurring chase sweep on one database.
        var clock = new SettableClock(Accepted);
        await using var first = Host(factory, clock);
        await using var second = Host(factory, clock);
        await using var third = Host(factory, clock);
        var world = await ChaseWorld.CreateAsync(first, clock);
        var seeded = await ChaseBatchScenarios.SeedOverdueCopiesAsync(first, world, 400);

        clock.Now = China(2026, 3, 23, 9);
        var results = await Task.WhenAll(
            SweepAsync(first, clock), SweepAsync(second, clock), SweepAsync(third, clock),
            SweepAsync(first, clock), SweepAsync(second, clock), SweepAsync(third, clock));

        results.Sum(r => r.Chased).ShouldBeGreaterThanOrEqualTo(3 * 401, "every rung is fired by one of the sweeps");
        await ChaseBatchScenarios.ShouldBeChasedOnceAsync(second, world, seeded);
        (await SweepAsync(second, clock)).Chased.ShouldBe(0, "nothing is left to chase");
    }

    [Fact]
    public async Task A_new_host_after_a_restart_fires_the_missed_rungs_once()
    {
        var clock = new SettableClock(Accepted);
        ChaseWorld world;
        await using (var before = Host(factory, clock))
        {
            world = await ChaseWorld.CreateAsync(before, clock);
            clock.Now = China(2026, 3, 12, 9);
            await SweepAsync(before, clock);
            (await ChasesOfAsync(before, world.StepId)).ShouldBe([ChaseLevel.Reminder]);
        }

        // Down over the deadline and three working days past it: red and leader escalation were both missed.
        clock.Now = China(2026, 3, 24, 9);
        await using var after = Host(factory, clock);
        await SweepTimesAsync(after, clock, 3);

        (await ChasesOfAsync(after, world.StepId)).ShouldBe([ChaseLevel.Reminder, ChaseLevel.Escalation, ChaseLevel.LeaderEscalation]);
        (await world.InboxKindsAsync(after, world.Head.Id)).ShouldBe(["chase.escalation"], "the reminder went to the officer holding the review");
        (await world.InboxKindsAsync(after, world.Supervisor.Id)).ShouldBe(["chase.leader-escalation"]);
    }
}
