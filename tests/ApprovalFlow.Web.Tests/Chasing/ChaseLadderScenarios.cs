using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.Extensions.DependencyInjection;
using ApprovalFlow.Web.Features.Chasing;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using static ApprovalFlow.Web.Tests.Approvals.ApprovalWorld;
using static ApprovalFlow.Web.Tests.Chasing.ChaseWorld;

namespace ApprovalFlow.Web.Tests.Chasing;

/// <summary>The ladder on a simulated clock: each rung once, whatever the sweep's rhythm.</summary>
public abstract class ChaseLadderScenarios(WebAppFactory factory)
{
    [Fact]
    public async Task Yellow_red_and_leader_escalation_each_fire_once_however_often_the_sweep_runs()
    {
        var clock = new SettableClock(Accepted);
        await using var app = Host(factory, clock);
        var world = await ChaseWorld.CreateAsync(app, clock);

        clock.Now = China(2026, 3, 11);
        await SweepTimesAsync(app, clock, 2);
        (await ChasesOfAsync(app, world.StepId)).ShouldBeEmpty("three working days left of ten is still green");
        (await world.SafetyStepAsync(app)).Text("light").ShouldBe("green");

        clock.Now = China(2026, 3, 12, 9);
        await SweepTimesAsync(app, clock, 3);
        (await ChasesOfAsync(app, world.StepId)).ShouldBe([ChaseLevel.Reminder]);
        var step = await world.SafetyStepAsync(app);
        step.Text("light").ShouldBe("yellow");
        step["workingDaysLeft"]!.GetValue<int>().ShouldBe(2);
        var officer = await world.Approvals.LoginAgainAsync(Department);
        var inbox = await (await officer.GetAsync("/api/inbox")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        // Besides the case's news (its new tasks), one chase message.
        var reminder = inbox["items"]!.AsArray().Single(m => m!.Text("kind").StartsWith("chase."))!;
        inbox["items"]!.AsArray().Where(m => !m!.Text("kind").StartsWith("chase.")).ShouldAllBe(m => m!.Text("kind") == "task.new");
        reminder.Text("kind").ShouldBe("chase.reminder");
        reminder.Text("link").ShouldBe($"/api/cases/{world.CaseId}");
        reminder.Text("title").ShouldContain("即将到期");
        reminder.Text("bodyEn").ShouldContain("2026-03-16");

        clock.Now = China(2026, 3, 17, 9);
        await SweepTimesAsync(app, clock, 3);
        (await ChasesOfAsync(app, world.StepId)).ShouldBe([ChaseLevel.Reminder, ChaseLevel.Escalation]);
        (await world.SafetyStepAsync(app)).Text("light").ShouldBe("red");
        (await world.InboxKindsAsync(app, world.Head.Id)).ShouldBe(["chase.escalation"],
            "the reminder went to the officer who holds the review (one step, one hand), not to every officer of the department");
        (await world.InboxKindsAsync(app, world.Supervisor.Id)).ShouldBeEmpty();

        clock.Now = China(2026, 3, 19, 20);
        await SweepTimesAsync(app, clock, 2);
        (await ChasesOfAsync(app, world.StepId)).Count.ShouldBe(2, "red for three working days only once the 19th has ended");

        clock.Now = China(2026, 3, 20, 9);
        await SweepTimesAsync(app, clock, 3);
        clock.Now = China(2026, 3, 27, 9);
        await SweepTimesAsync(app, clock, 3);

        (await ChasesOfAsync(app, world.StepId)).ShouldBe([ChaseLevel.Reminder, ChaseLevel.Escalation, ChaseLevel.LeaderEscalation]);
        (await world.InboxKindsAsync(app, world.Supervisor.Id)).ShouldBe(["chase.leader-escalation"]);
        (await world.InboxKindsAsync(app, world.Leader.Id)).ShouldBe(["chase.leader-escalation"]);
        (await world.InboxKindsAsync(app, world.Head.Id)).Count.ShouldBe(1);
        (await world.EmailsToAsync(app, world.Leader.Email)).ShouldBe(1, "each notification has its one e-mail in the outbox");
        (await world.EmailsToAsync(app, world.Head.Email)).ShouldBe(1);
    }

    [Fact]
    public async Task A_step_decided_between_yellow_and_red_is_not_escalated()
    {
        var clock = new SettableClock(Accepted);
        await using var app = Host(factory, clock);
        var world = await ChaseWorld.CreateAsync(app, clock);

        clock.Now = China(2026, 3, 12, 9);
        await SweepAsync(app, clock);
        (await ChasesOfAsync(app, world.StepId)).ShouldBe([ChaseLevel.Reminder]);

        clock.Now = China(2026, 3, 13, 9);
        var officer = await world.Approvals.LoginAgainAsync(Department);
        var approvalCase = await GetCaseAsync(officer, world.CaseId);
        approvalCase = await ActAsync(officer, approvalCase, "safetyReview", "review");
        approvalCase = await ActAsync(officer, approvalCase, "safetyDecide", "decide", new { outcome = "approve", opinion = "符合安全条件" });
        StatusOf(approvalCase, "safety").ShouldBe("approved");
        Step(approvalCase, "safety")["light"].ShouldBeNull("a decided step has no light");

        clock.Now = China(2026, 3, 25, 9);
        await SweepTimesAsync(app, clock, 3);

        (await ChasesOfAsync(app, world.StepId)).ShouldBe([ChaseLevel.Reminder]);
        (await world.InboxKindsAsync(app, world.Head.Id)).ShouldBeEmpty("the reminder went to the officer holding the review");
        (await world.InboxKindsAsync(app, world.Supervisor.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_chase_command_for_a_step_decided_meanwhile_writes_nothing()
    {
        // The sweep found the step due; before its chase ran, the step was decided: the chase re-reads it and stands down.
        var clock = new SettableClock(Accepted);
        await using var app = Host(factory, clock);
        var world = await ChaseWorld.CreateAsync(app, clock);
        clock.Now = China(2026, 3, 13, 9);
        var officer = await world.Approvals.LoginAgainAsync(Department);
        var approvalCase = await ActAsync(officer, await GetCaseAsync(officer, world.CaseId), "safetyReview", "review");
        await ActAsync(officer, approvalCase, "safetyDecide", "decide", new { outcome = "approve", opinion = "同意" });

        await using var scope = app.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<Mediator.ISender>();
        var outcome = await sender.Send(new ChaseSubject(ChaseSubjectKind.Step, world.StepId, ChaseLevel.Reminder,
            Features.Calendar.ChinaStandardTime.EndOfDayUtc(new DateOnly(2026, 3, 16)), clock.GetUtcNow().UtcDateTime));

        outcome.ShouldBe(ChaseOutcome.NotDue);
        (await ChasesOfAsync(app, world.StepId)).ShouldBeEmpty();
    }
}

public sealed class SqliteChaseLadderScenarios(WebAppFactory factory) : ChaseLadderScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class PostgresChaseLadderScenarios(PostgresWebAppFactory factory) : ChaseLadderScenarios(factory), IClassFixture<PostgresWebAppFactory>;
