using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

public class FlowTests
{
    private static readonly string Decision = Process("decide", $"""
        <startEvent id="start" />
        <userTask id="review" camunda:assignee="{"${reviewer}"}" camunda:candidateGroups="natural-resources,planning" af:timeLimitDays="5" />
        <exclusiveGateway id="outcome" default="toReject" />
        <endEvent id="approved" />
        <endEvent id="rejected" />
        {Flow("a", "start", "review")}
        {Flow("b", "review", "outcome")}
        {Flow("toApprove", "outcome", "approved", "${score >= 60 && !vetoed}")}
        {Flow("toReject", "outcome", "rejected")}
        """);

    [Theory]
    [InlineData(StoreKind.Sqlite, 75, false, "approved")]
    [InlineData(StoreKind.Sqlite, 75, true, "rejected")]
    [InlineData(StoreKind.Postgres, 40, false, "rejected")]
    public async Task Exclusive_gateway_takes_the_first_true_condition_else_the_default(StoreKind store, int score, bool vetoed, string end)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(Decision);
        var instance = await h.StartAsync("decide", new { reviewer = "li.wei" });
        var task = await h.TaskAsync(instance.Id, "review");
        task.Assignee.ShouldBe("li.wei");
        task.CandidateGroups.ShouldBe(["natural-resources", "planning"]);
        task.DueAt.ShouldNotBeNull().ShouldBeGreaterThan(task.CreatedAt.AddDays(5)); // 5 working days span a weekend
        (await h.Engine().ListOpenTasksAsync(new TaskQuery(CandidateGroup: "planning"))).ShouldContain(t => t.Id == task.Id);
        (await h.Engine().ListOpenTasksAsync(new TaskQuery(CandidateGroup: "plan"))).ShouldBeEmpty();

        await h.CompleteAsync(instance.Id, "review", new { score, vetoed });
        var history = await h.Db().Set<HistoryRecord>().Where(r => r.InstanceId == instance.Id).Select(r => r.ElementId).ToListAsync();
        history.ShouldContain(end);
        (await h.InstanceAsync(instance.Id)).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task A_condition_on_a_missing_variable_refuses_the_transition_and_changes_nothing(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(Decision);
        var instance = await h.StartAsync("decide", new { reviewer = "li.wei" });
        var task = await h.TaskAsync(instance.Id, "review");

        var error = await Should.ThrowAsync<ExecutionException>(() => h.Engine().CompleteTaskAsync(task.Id, null, "li.wei"));
        error.ElementId.ShouldBe("toApprove");
        (await h.TaskAsync(instance.Id, "review")).Id.ShouldBe(task.Id);
        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["review"]);

        await h.CompleteAsync(instance.Id, "review", new { score = 90, vetoed = false });
        (await h.InstanceAsync(instance.Id)).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Terminate_end_in_one_branch_ends_the_instance_and_withdraws_the_other_tasks(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(Process("term", $"""
            <startEvent id="start" /><parallelGateway id="fork" />
            <userTask id="land" /><userTask id="eia" />
            <endEvent id="refused"><terminateEventDefinition /></endEvent>
            <endEvent id="end" />
            {Flow("a", "start", "fork")}{Flow("b", "fork", "land")}{Flow("c", "fork", "eia")}
            {Flow("d", "land", "refused")}{Flow("e", "eia", "end")}
            """));
        var instance = await h.StartAsync("term");
        var end = await h.CompleteAsync(instance.Id, "land");
        end.Status.ShouldBe("terminated");
        end.ActiveElementIds.ShouldBeEmpty();
        (await h.TasksAsync(instance.Id)).ShouldBeEmpty();
        (await h.Db().Set<HumanTaskRecord>().SingleAsync(t => t.InstanceId == instance.Id && t.ElementId == "eia")).Status.ShouldBe(HumanTaskStatus.Cancelled);
    }

    private static readonly string SubProcessModel = Process("sub", $"""
        <startEvent id="start" />
        <subProcess id="jointReview">
          <startEvent id="subStart" />
          <parallelGateway id="subFork" />
          <userTask id="fire" />
          <userTask id="civilDefence" />
          <parallelGateway id="subJoin" />
          <endEvent id="subEnd" />
          {Flow("s1", "subStart", "subFork")}{Flow("s2", "subFork", "fire")}{Flow("s3", "subFork", "civilDefence")}
          {Flow("s4", "fire", "subJoin")}{Flow("s5", "civilDefence", "subJoin")}{Flow("s6", "subJoin", "subEnd")}
        </subProcess>
        <boundaryEvent id="overdue" attachedToRef="jointReview"><timerEventDefinition><timeDuration>P10D</timeDuration></timerEventDefinition></boundaryEvent>
        <userTask id="permit" />
        <userTask id="chase" />
        <endEvent id="end" />
        <endEvent id="end2" />
        {Flow("a", "start", "jointReview")}{Flow("b", "jointReview", "permit")}{Flow("c", "permit", "end")}
        {Flow("d", "overdue", "chase")}{Flow("e", "chase", "end2")}
        """);

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Embedded_sub_process_completes_when_its_last_token_ends(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(SubProcessModel);
        var instance = await h.StartAsync("sub");
        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["jointReview", "fire", "civilDefence"], ignoreOrder: true);
        await h.CompleteAsync(instance.Id, "fire");
        await h.CompleteAsync(instance.Id, "civilDefence");
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["permit"]);
        h.Clock.Advance(TimeSpan.FromDays(30));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(0); // the sub-process's timer left with it
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task Interrupting_timer_on_a_sub_process_withdraws_every_task_inside(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(SubProcessModel);
        var instance = await h.StartAsync("sub");
        await h.CompleteAsync(instance.Id, "fire");
        h.Clock.Advance(TimeSpan.FromDays(11));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(1);
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["chase"]);
        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["chase"]);
    }

    private sealed class StampHandler : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            context.Variables["stamped"] = $"{context.ElementId}:{context.BusinessKey}";
            return ValueTask.CompletedTask;
        }
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task Service_task_runs_its_named_handler_in_the_transition(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store, s => s.AddServiceTaskHandler<StampHandler>("stamp"));
        await h.DeployAsync(Process("svc", $"""
            <startEvent id="start" />
            <serviceTask id="register" camunda:delegateExpression="{"${stamp}"}" />
            <userTask id="next" />
            <endEvent id="end" />
            {Flow("a", "start", "register")}{Flow("b", "register", "next")}{Flow("c", "next", "end")}
            """));
        var instance = await h.StartAsync("svc", businessKey: "BK");
        instance.Variables["stamped"]!.GetValue<string>().ShouldBe("register:BK");
        instance.ActiveElementIds.ShouldBe(["next"]);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task Deploying_again_makes_a_new_version_and_running_instances_keep_theirs(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        var v1 = await h.DeployAsync(Decision);
        var old = await h.StartAsync("decide", new { reviewer = "a" });
        var v2 = await h.DeployAsync(Decision.Replace("name=\"\"", "").Replace("af:timeLimitDays=\"5\"", "af:timeLimitDays=\"3\""));
        v1.Version.ShouldBe(1);
        v2.Version.ShouldBe(2);
        var fresh = await h.StartAsync("decide", new { reviewer = "b" });
        old.Version.ShouldBe(1);
        fresh.Version.ShouldBe(2);
        (await h.InstanceAsync(old.Id)).Version.ShouldBe(1);
        (await h.Engine().ListDefinitionsAsync()).Select(d => d.Version).ShouldBe([1, 2]);
    }
}
