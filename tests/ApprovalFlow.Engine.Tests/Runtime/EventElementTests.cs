using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

public class EventElementTests
{
    private const string Messages = """
        <message id="m1" name="MaterialsSupplied" />
        <message id="m2" name="ProjectFiled" />
        <error id="e1" errorCode="MATERIAL_FORGED" />
        """;

    private static readonly string WaitForSupplyOrDeadline = Process("race", $"""
        <startEvent id="start" />
        <eventBasedGateway id="race" />
        <intermediateCatchEvent id="supplied"><messageEventDefinition messageRef="m1" /></intermediateCatchEvent>
        <intermediateCatchEvent id="deadline"><timerEventDefinition><timeDuration>P15D</timeDuration></timerEventDefinition></intermediateCatchEvent>
        <userTask id="review" /><userTask id="returnCase" />
        <endEvent id="end" /><endEvent id="end2" />
        {Flow("a", "start", "race")}{Flow("b", "race", "supplied")}{Flow("c", "race", "deadline")}
        {Flow("d", "supplied", "review")}{Flow("e", "deadline", "returnCase")}{Flow("f", "review", "end")}{Flow("g", "returnCase", "end2")}
        """, Messages);

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Event_based_gateway_when_the_timer_wins_the_message_is_withdrawn(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(WaitForSupplyOrDeadline);
        var instance = await h.StartAsync("race", businessKey: "P-7");
        instance.ActiveElementIds.ShouldBe(["race"]);
        h.Clock.Advance(TimeSpan.FromDays(15));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(1);
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["returnCase"]);
        await Should.ThrowAsync<MessageNotCorrelatedException>(() => h.Engine().CorrelateMessageAsync("MaterialsSupplied", "P-7", null, null));
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Event_based_gateway_when_the_message_wins_the_timer_is_withdrawn(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(WaitForSupplyOrDeadline);
        var instance = await h.StartAsync("race", businessKey: "P-8");
        await h.Engine().CorrelateMessageAsync("MaterialsSupplied", "P-8", null, null);
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["review"]);
        h.Clock.Advance(TimeSpan.FromDays(20));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(0);
        (await h.Db().Set<TimerRecord>().SingleAsync(t => t.InstanceId == instance.Id)).Status.ShouldBe(TimerStatus.Cancelled);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task Error_end_in_a_sub_process_is_caught_by_its_error_boundary_event(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(Process("err", $"""
            <startEvent id="start" />
            <subProcess id="verify">
              <startEvent id="s" /><parallelGateway id="fork" /><userTask id="siteCheck" /><userTask id="paperCheck" />
              <exclusiveGateway id="ok" default="fineFlow" />
              <endEvent id="forged"><errorEventDefinition errorRef="e1" /></endEvent>
              <endEvent id="fine" /><endEvent id="paperDone" />
              {Flow("s1", "s", "fork")}{Flow("s2", "fork", "siteCheck")}{Flow("s3", "fork", "paperCheck")}{Flow("s4", "siteCheck", "ok")}
              {Flow("bad", "ok", "forged", "${forged}")}{Flow("fineFlow", "ok", "fine")}{Flow("s5", "paperCheck", "paperDone")}
            </subProcess>
            <boundaryEvent id="caught" attachedToRef="verify"><errorEventDefinition errorRef="e1" /></boundaryEvent>
            <userTask id="recordBreach" /><endEvent id="end" /><endEvent id="end2" />
            {Flow("a", "start", "verify")}{Flow("b", "verify", "end")}{Flow("c", "caught", "recordBreach")}{Flow("d", "recordBreach", "end2")}
            """, Messages));
        var instance = await h.StartAsync("err");
        await h.CompleteAsync(instance.Id, "siteCheck", new { forged = true });
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["recordBreach"]);
        (await h.Db().Set<HumanTaskRecord>().SingleAsync(t => t.InstanceId == instance.Id && t.ElementId == "paperCheck")).Status.ShouldBe(HumanTaskStatus.Cancelled);
    }

    private sealed class VerifyHandler : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
            context.Variables["forged"]?.GetValue<bool>() == true ? throw new BpmnErrorException("MATERIAL_FORGED") : ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData(StoreKind.Sqlite, true, "recordBreach", "running")]
    [InlineData(StoreKind.Sqlite, false, "issue", "running")]
    public async Task A_business_error_from_a_service_task_takes_its_error_boundary(StoreKind store, bool forged, string next, string status)
    {
        await using var h = await EngineHarness.CreateAsync(store, s => s.AddServiceTaskHandler<VerifyHandler>("verify"));
        await h.DeployAsync(Process("svcerr", $"""
            <startEvent id="start" /><serviceTask id="check" af:handler="verify" />
            <boundaryEvent id="caught" attachedToRef="check"><errorEventDefinition errorRef="e1" /></boundaryEvent>
            <userTask id="issue" /><userTask id="recordBreach" /><endEvent id="end" /><endEvent id="end2" />
            {Flow("a", "start", "check")}{Flow("b", "check", "issue")}{Flow("c", "issue", "end")}{Flow("d", "caught", "recordBreach")}{Flow("e", "recordBreach", "end2")}
            """, Messages));
        var instance = await h.StartAsync("svcerr", new { forged });
        instance.Status.ShouldBe(status);
        instance.ActiveElementIds.ShouldBe([next]);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task An_uncaught_error_ends_the_case_as_terminated_with_the_code(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(Process("uncaught", $"""
            <startEvent id="start" /><userTask id="t" /><endEvent id="boom"><errorEventDefinition errorRef="e1" /></endEvent>
            {Flow("a", "start", "t")}{Flow("b", "t", "boom")}
            """, Messages));
        var instance = await h.StartAsync("uncaught");
        var end = await h.CompleteAsync(instance.Id, "t");
        end.Status.ShouldBe("terminated");
        end.EndReason!.ShouldContain("MATERIAL_FORGED");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_message_start_event_starts_a_case_when_nothing_waits_for_the_message(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(Process("filed", $"""
            <startEvent id="onFiling"><messageEventDefinition messageRef="m2" /></startEvent>
            <userTask id="accept" /><endEvent id="end" />
            {Flow("a", "onFiling", "accept")}{Flow("b", "accept", "end")}
            """, Messages));
        var started = await h.Engine().CorrelateMessageAsync("ProjectFiled", "2026-131102-48-01-000003", null, EngineHarness.Vars(new { investment = 8000 }));
        started.Status.ShouldBe("running");
        started.BusinessKey.ShouldBe("2026-131102-48-01-000003");
        started.ActiveElementIds.ShouldBe(["accept"]);
        await Should.ThrowAsync<ExecutionException>(() => h.StartAsync("filed")); // no none start: it starts by message only
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task A_working_day_timer_waits_for_the_calendar_not_the_clock(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(Process("wd", $"""
            <startEvent id="start" /><userTask id="supply" />
            <boundaryEvent id="overdue" attachedToRef="supply" cancelActivity="false"><timerEventDefinition af:workingDays="5" /></boundaryEvent>
            <userTask id="remind" /><endEvent id="end" /><endEvent id="end2" />
            {Flow("a", "start", "supply")}{Flow("b", "supply", "end")}{Flow("c", "overdue", "remind")}{Flow("d", "remind", "end2")}
            """));
        // Monday 2 March 2026, 09:00 in Beijing; five working days end on Monday 9 March.
        await h.StartAsync("wd");
        var due = h.Scheduler.Scheduled.ShouldHaveSingleItem().DueAt;
        due.ShouldBe(new DateTime(2026, 3, 9, 15, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999));
    }
}
