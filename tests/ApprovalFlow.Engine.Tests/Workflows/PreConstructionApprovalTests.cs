using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Engine.Tests.Workflows;

public class PreConstructionApprovalTests
{
    private static readonly string[] Steps = ["land", "planning", "eia", "safety", "permit"];
    private static readonly string[] NonLandSteps = ["planning", "eia", "safety", "permit"];

    /// <summary>Deploys the shipped model, starts a case and completes the one-window registration: the five steps are open.</summary>
    private static async Task<Guid> StartCaseAsync(EngineHarness h, bool virtualApproval = false, bool pledgeSystem = false)
    {
        await h.DeployShippedAsync(ShippedWorkflow.PreConstruction);
        // Every decision's outcome variable exists from the start (the approval domain sets them "pending").
        var instance = await h.StartAsync(ShippedWorkflow.PreConstruction,
            new
            {
                @virtual = virtualApproval, pledgeSystem, landOutcome = "pending", planningOutcome = "pending", eiaOutcome = "pending",
                safetyOutcome = "pending", permitOutcome = "pending",
            }, businessKey: "2601-131102-04-01-123456");
        (await h.OpenTaskElementsAsync(instance.Id)).ShouldBe(["registration"]);
        await h.CompleteAsync(instance.Id, "registration");
        return instance.Id;
    }

    private static async Task DecideStepAsync(EngineHarness h, Guid id, string step, string outcome)
    {
        await h.CompleteAsync(id, $"{step}Accept");
        await h.CompleteAsync(id, $"{step}Review");
        await h.CompleteAsync(id, $"{step}Decide", new Dictionary<string, object> { [$"{step}Outcome"] = outcome });
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Five_steps_run_in_parallel_and_a_returned_planning_step_is_resubmitted_while_the_others_finish(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        var id = await StartCaseAsync(h);
        var accepts = await h.TasksAsync(id);
        accepts.Select(t => t.ElementId).ShouldBe(Steps.Select(s => $"{s}Accept"), ignoreOrder: true);
        accepts.Single(t => t.ElementId == "eiaAccept").CandidateGroups.ShouldBe(["ecology-environment"]);
        accepts.Single(t => t.ElementId == "safetyAccept").CandidateGroups.ShouldBe(["emergency-management"]);

        await DecideStepAsync(h, id, "planning", "return");
        var resubmit = await h.TaskAsync(id, "planningResubmit");
        resubmit.CandidateGroups.ShouldBe(["enterprise"]);

        foreach (var step in new[] { "land", "eia", "safety", "permit" })
            await DecideStepAsync(h, id, step, "approve");
        // Three steps wait at the join; the approved permit waits for planning (建筑法 第八条); the enterprise's correction
        // keeps planning open; nothing is cancelled.
        var active = (await h.InstanceAsync(id)).ActiveElementIds;
        active.ShouldContain("stepsJoin");
        active.ShouldContain("planningResubmit");
        active.ShouldContain("permitAwaitPrerequisites");
        (await h.CountAsync(id, "permitApproved", "passed")).ShouldBe(0);
        (await h.CountAsync(id, "stepsJoin", "joined")).ShouldBe(0);

        await h.CompleteAsync(id, "planningResubmit");
        (await h.OpenTaskElementsAsync(id)).ShouldBe(["planningAccept"]);
        await DecideStepAsync(h, id, "planning", "approve");

        // Planning approved: its signal lets the waiting permit take effect in the same transition.
        (await h.OpenTaskElementsAsync(id)).ShouldBe(["confirmStart"]);
        (await h.CountAsync(id, "stepsJoin", "joined")).ShouldBe(1);
        (await h.CountAsync(id, "planningAccept", "completed")).ShouldBe(2);
        foreach (var step in Steps)
            (await h.CountAsync(id, $"{step}Approved", "passed")).ShouldBe(1);
        (await h.Db().Set<HumanTaskRecord>().CountAsync(t => t.InstanceId == id && t.Status == HumanTaskStatus.Cancelled)).ShouldBe(0);

        var done = await h.CompleteAsync(id, "confirmStart", new { startConditionsMet = true });
        done.Status.ShouldBe("completed");
        (await h.CountAsync(id, "endReady", "reached")).ShouldBe(1);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_rejected_step_ends_rejected_and_the_case_goes_on_to_the_final_check(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        var id = await StartCaseAsync(h);

        await DecideStepAsync(h, id, "eia", "reject");
        (await h.CountAsync(id, "eiaRejected", "passed")).ShouldBe(1);
        (await h.InstanceAsync(id)).ActiveElementIds.ShouldContain("stepsJoin");
        foreach (var step in new[] { "land", "planning", "safety", "permit" })
            await DecideStepAsync(h, id, step, "approve");

        (await h.OpenTaskElementsAsync(id)).ShouldBe(["confirmStart"]);
        (await h.CountAsync(id, "eiaApproved", "passed")).ShouldBe(0);
        var done = await h.CompleteAsync(id, "confirmStart", new { startConditionsMet = false });
        done.Status.ShouldBe("completed");
        (await h.CountAsync(id, "endNotReady", "reached")).ShouldBe(1);
        (await h.CountAsync(id, "endReady", "reached")).ShouldBe(0);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Under_the_pledge_system_a_pledge_replaces_a_pledge_replaceable_step(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        var id = await StartCaseAsync(h, pledgeSystem: true);

        await DecideStepAsync(h, id, "safety", "pledge");
        (await h.CountAsync(id, "safetyPledged", "passed")).ShouldBe(1);
        foreach (var step in new[] { "land", "planning", "eia", "permit" })
            await DecideStepAsync(h, id, step, "approve");

        (await h.OpenTaskElementsAsync(id)).ShouldBe(["confirmStart"]);
        (await h.CountAsync(id, "safetyApproved", "passed")).ShouldBe(0);
        (await h.CountAsync(id, "stepsJoin", "joined")).ShouldBe(1);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite, false, "planning")]
    [InlineData(StoreKind.Sqlite, true, "land")]
    [InlineData(StoreKind.Sqlite, true, "permit")]
    [InlineData(StoreKind.Postgres, false, "planning")]
    [InlineData(StoreKind.Postgres, true, "land")]
    public async Task A_pledge_is_refused_outside_the_pledge_system_and_for_a_step_it_cannot_replace(StoreKind store, bool pledgeSystem, string step)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        var id = await StartCaseAsync(h, pledgeSystem: pledgeSystem);
        await h.CompleteAsync(id, $"{step}Accept");
        await h.CompleteAsync(id, $"{step}Review");

        var refused = await Should.ThrowAsync<ExecutionException>(() =>
            h.CompleteAsync(id, $"{step}Decide", new Dictionary<string, object> { [$"{step}Outcome"] = "pledge" }));
        refused.ElementId.ShouldBe($"{step}Decision");
        (await h.OpenTaskElementsAsync(id)).ShouldContain($"{step}Decide");
        (await h.InstanceAsync(id)).Variables[$"{step}Outcome"]!.GetValue<string>().ShouldBe("pending");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task In_virtual_approval_the_other_steps_become_effective_only_when_land_is_approved(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        var id = await StartCaseAsync(h, virtualApproval: true);

        await DecideStepAsync(h, id, "planning", "approve");
        await DecideStepAsync(h, id, "safety", "approve");
        await DecideStepAsync(h, id, "eia", "reject");
        var waiting = await h.InstanceAsync(id);
        waiting.ActiveElementIds.ShouldContain("planningAwaitLand");
        waiting.ActiveElementIds.ShouldContain("safetyAwaitLand");
        foreach (var step in NonLandSteps)
        {
            (await h.CountAsync(id, $"{step}Effective", "passed")).ShouldBe(0);
            (await h.CountAsync(id, $"{step}Approved", "passed")).ShouldBe(0);
        }

        await DecideStepAsync(h, id, "land", "approve");
        // The moment land is approved, both virtual approvals take effect; the rejected EIA has nothing to take effect.
        (await h.CountAsync(id, "planningEffective", "passed")).ShouldBe(1);
        (await h.CountAsync(id, "safetyEffective", "passed")).ShouldBe(1);
        (await h.CountAsync(id, "eiaEffective", "passed")).ShouldBe(0);
        (await h.CountAsync(id, "stepsJoin", "joined")).ShouldBe(0);
        var permitStillRunning = await h.InstanceAsync(id);
        permitStillRunning.ActiveElementIds.ShouldContain("permitAccept");
        permitStillRunning.ActiveElementIds.ShouldNotContain("planningAwaitLand");

        // The permit decided after land and planning are approved takes effect at once.
        await DecideStepAsync(h, id, "permit", "approve");
        (await h.CountAsync(id, "permitApproved", "passed")).ShouldBe(1);
        (await h.OpenTaskElementsAsync(id)).ShouldBe(["confirmStart"]);
        (await h.CountAsync(id, "stepsJoin", "joined")).ShouldBe(1);
        (await h.CompleteAsync(id, "confirmStart", new { startConditionsMet = false })).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task In_virtual_approval_a_rejected_land_step_lets_the_virtual_approvals_lapse(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        var id = await StartCaseAsync(h, virtualApproval: true);
        foreach (var step in NonLandSteps)
            await DecideStepAsync(h, id, step, "approve");
        static int Waiting(InstanceSnapshot i) => i.ActiveElementIds.Count(e => e.EndsWith("AwaitLand", StringComparison.Ordinal) || e == "permitAwaitPrerequisites");
        Waiting(await h.InstanceAsync(id)).ShouldBe(4);

        // Returned for correction, land is still on its way: the virtual approvals keep waiting.
        await DecideStepAsync(h, id, "land", "return");
        await h.CompleteAsync(id, "landResubmit");
        Waiting(await h.InstanceAsync(id)).ShouldBe(4);

        await DecideStepAsync(h, id, "land", "reject");
        foreach (var step in NonLandSteps)
        {
            (await h.CountAsync(id, $"{step}Lapsed", "passed")).ShouldBe(1);
            (await h.CountAsync(id, $"{step}Effective", "passed")).ShouldBe(0);
        }
        (await h.OpenTaskElementsAsync(id)).ShouldBe(["confirmStart"]);
        (await h.CompleteAsync(id, "confirmStart", new { startConditionsMet = false })).Status.ShouldBe("completed");
        (await h.CountAsync(id, "endNotReady", "reached")).ShouldBe(1);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Each_review_runs_a_working_day_overdue_timer_that_marks_the_step_and_leaves_the_review_open(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        var id = await StartCaseAsync(h);
        foreach (var step in Steps)
            await h.CompleteAsync(id, $"{step}Accept");

        var timers = await h.Db().Set<TimerRecord>().Where(t => t.InstanceId == id).ToListAsync();
        timers.Select(t => (t.ElementId, t.WorkingDays)).ShouldBe(
        [
            ("landReviewOverdue", 20), ("planningReviewOverdue", 20), ("eiaReviewOverdue", 15),
            ("safetyReviewOverdue", 10), ("permitReviewOverdue", 7),
        ], ignoreOrder: true);
        // Monday 2 March 2026 in Beijing: the permit's 7 working days end on Wednesday 11 March.
        // (PostgreSQL keeps microseconds, hence the tolerance.)
        (await h.TaskAsync(id, "permitReview")).DueAt!.Value.ShouldBe(new DateTime(2026, 3, 11, 16, 0, 0, DateTimeKind.Utc), TimeSpan.FromMilliseconds(1));

        h.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 12, 1, 0, 0, TimeSpan.Zero));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(1);
        (await h.CountAsync(id, "permitOverdueEnd", "reached")).ShouldBe(1);
        (await h.OpenTaskElementsAsync(id)).ShouldContain("permitReview");

        await h.CompleteAsync(id, "permitReview");
        await h.CompleteAsync(id, "permitDecide", new { permitOutcome = "approve" });
        // Approved, the permit waits for land and planning before it takes effect.
        (await h.InstanceAsync(id)).ActiveElementIds.ShouldContain("permitAwaitPrerequisites");
    }
}
