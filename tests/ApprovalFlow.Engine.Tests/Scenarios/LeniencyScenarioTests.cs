using System.Text.Json.Nodes;
using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using ApprovalFlow.Engine.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Engine.Tests.Scenarios;

/// <summary>
/// Models as other tools write them (Camunda Modeler style, one file per scenario in this folder), replayed
/// through the engine: flows without ids, unconditioned gateway flows, abstract, manual, receive, send and
/// business-rule tasks.
/// </summary>
public class LeniencyScenarioTests
{
    /// <summary>What send tasks sent and what business-rule tasks decided, as a host's handlers would record it.</summary>
    public sealed class Outbox
    {
        public List<string> Sent { get; } = [];
    }

    private sealed class ClassifyRiskHandler : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            context.Variables["risk"] = context.Variables["amount"]!.GetValue<decimal>() > 1000 ? "high" : "low";
            return ValueTask.CompletedTask;
        }
    }

    private sealed class SendHandler(Outbox outbox) : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            lock (outbox) outbox.Sent.Add($"{context.ElementId}:{context.BusinessKey}");
            context.Variables["sentBy"] = context.ElementId;
            return ValueTask.CompletedTask;
        }
    }

    private static Action<IServiceCollection> Handlers(Outbox outbox) => s =>
    {
        s.AddSingleton(outbox);
        s.AddServiceTaskHandler<ClassifyRiskHandler>("classifyRisk");
        s.AddServiceTaskHandler<SendHandler>("notifyApplicant");
        s.AddServiceTaskHandler<SendHandler>("sendOrder");
        s.AddServiceTaskHandler<SendHandler>("sendDelivery");
    };

    private static async Task<InstanceSnapshot> StartAsync(EngineHarness h, string key, object? variables = null, string? businessKey = null) =>
        await h.Engine().StartAsync(key, businessKey, EngineHarness.Vars(variables), "starter");

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Flows_without_ids_deploy_and_run_and_read_back_alike_after_a_restart(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAsync(ScenarioModel.Bytes("flows-without-ids"), "test");
        var yes = await StartAsync(h, "flowsWithoutIds");
        var no = await StartAsync(h, "flowsWithoutIds");
        yes.ActiveElementIds.ShouldBe(["check"]);

        // A new process reads the stored text again: the generated ids must be the same ones.
        await using var restarted = h.Restart();
        (await restarted.CompleteAsync(yes.Id, "check", new { approved = true })).ActiveElementIds.ShouldBe(["fulfil"]);
        var rejected = await restarted.CompleteAsync(no.Id, "check", new { approved = false });
        rejected.Status.ShouldBe("completed");
        (await restarted.CountAsync(no.Id, "rejected", "reached")).ShouldBe(1);
        (await restarted.CompleteAsync(yes.Id, "fulfil")).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Exclusive_gateway_takes_its_unconditioned_flow_when_the_flow_before_it_does_not_hold(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAsync(ScenarioModel.Bytes("exclusive-unconditioned-flow"), "test");

        (await StartAsync(h, "exclusiveUnconditioned", new { amount = 5000 })).ActiveElementIds.ShouldBe(["largeReview"]);
        (await StartAsync(h, "exclusiveUnconditioned", new { amount = 10 })).ActiveElementIds.ShouldBe(["smallReview"]);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Inclusive_gateway_always_takes_its_unconditioned_flow_and_the_join_waits_for_what_was_taken(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAsync(ScenarioModel.Bytes("inclusive-unconditioned-flow"), "test");

        var small = await StartAsync(h, "inclusiveUnconditioned", new { amount = 10 });
        small.ActiveElementIds.ShouldBe(["archive"]);
        (await h.CompleteAsync(small.Id, "archive")).ActiveElementIds.ShouldBe(["close"]);

        var large = await StartAsync(h, "inclusiveUnconditioned", new { amount = 5000 });
        large.ActiveElementIds.Order().ShouldBe(["archive", "audit"]);
        (await h.CompleteAsync(large.Id, "archive")).ActiveElementIds.ShouldBe(["join", "audit"], ignoreOrder: true);
        (await h.CompleteAsync(large.Id, "audit")).ActiveElementIds.ShouldBe(["close"]);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Abstract_and_manual_tasks_pass_straight_through(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAsync(ScenarioModel.Bytes("abstract-and-manual-tasks"), "test");

        var instance = await StartAsync(h, "abstractAndManual");

        instance.ActiveElementIds.ShouldBe(["sign"]);
        (await h.OpenTaskElementsAsync(instance.Id)).ShouldBe(["sign"]);
        (await h.CountAsync(instance.Id, "prepare", "passed")).ShouldBe(1);
        (await h.CountAsync(instance.Id, "stamp", "passed")).ShouldBe(1);
        var rows = await h.Db().Set<ElementInstanceRecord>().Where(r => r.InstanceId == instance.Id && r.ElementId == "stamp").ToListAsync();
        rows.ShouldHaveSingleItem().ElementType.ShouldBe("manualTask");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Receive_task_waits_for_its_message_and_its_boundary_timer_is_withdrawn_when_it_arrives(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAsync(ScenarioModel.Bytes("receive-task"), "test");
        var paid = await StartAsync(h, "receivePayment", businessKey: "ORDER-1");
        paid.ActiveElementIds.ShouldBe(["waitForPayment"]);
        (await h.TasksAsync(paid.Id)).ShouldBeEmpty();
        h.Scheduler.Scheduled.ShouldHaveSingleItem().DueAt.ShouldBe(h.Clock.GetUtcNow().UtcDateTime.AddDays(5));

        var after = await h.Engine().CorrelateMessageAsync("PaymentReceived", "ORDER-1", null, EngineHarness.Vars(new { paidAmount = 99.5m }));

        after.Id.ShouldBe(paid.Id);
        after.ActiveElementIds.ShouldBe(["ship"]);
        after.Variables["paidAmount"]!.GetValue<decimal>().ShouldBe(99.5m);
        h.Clock.Advance(TimeSpan.FromDays(6));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(0);
        (await h.InstanceAsync(paid.Id)).ActiveElementIds.ShouldBe(["ship"]);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Receive_task_is_interrupted_by_its_boundary_timer_and_then_takes_no_message(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAsync(ScenarioModel.Bytes("receive-task"), "test");
        var late = await StartAsync(h, "receivePayment", businessKey: "ORDER-2");

        h.Clock.Advance(TimeSpan.FromDays(5));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(1);

        (await h.InstanceAsync(late.Id)).ActiveElementIds.ShouldBe(["remind"]);
        await Should.ThrowAsync<MessageNotCorrelatedException>(() => h.Engine().CorrelateMessageAsync("PaymentReceived", "ORDER-2", null, null));
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Business_rule_and_send_tasks_run_their_registered_handlers(StoreKind store)
    {
        var outbox = new Outbox();
        await using var h = await EngineHarness.CreateAsync(store, Handlers(outbox));
        await h.Engine().DeployAsync(ScenarioModel.Bytes("send-and-business-rule-tasks"), "test");

        var low = await StartAsync(h, "sendAndRule", new { amount = 10 }, "A-1");
        low.Status.ShouldBe("completed");
        low.Variables["risk"]!.GetValue<string>().ShouldBe("low");
        low.Variables["sentBy"]!.GetValue<string>().ShouldBe("notify");

        var high = await StartAsync(h, "sendAndRule", new { amount = 5000 }, "A-2");
        high.ActiveElementIds.ShouldBe(["review"]);
        outbox.Sent.ShouldBe(["notify:A-1"]);
        (await h.CompleteAsync(high.Id, "review")).Status.ShouldBe("completed");
        outbox.Sent.ShouldBe(["notify:A-1", "notify:A-2"]);
        var classify = await h.Db().Set<ElementInstanceRecord>().SingleAsync(r => r.InstanceId == high.Id && r.ElementId == "classify");
        classify.ElementType.ShouldBe("businessRuleTask");
        classify.Outcome.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_failing_send_task_handler_is_retried_like_a_service_task(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store, s =>
        {
            s.AddServiceTaskHandler<ClassifyRiskHandler>("classifyRisk");
            s.AddServiceTaskHandler<FailingHandler>("notifyApplicant");
        });
        await h.Engine().DeployAsync(ScenarioModel.Bytes("send-and-business-rule-tasks"), "test");

        var instance = await StartAsync(h, "sendAndRule", new { amount = 10 });

        instance.ActiveElementIds.ShouldBe(["notify"]);
        instance.Variables["risk"]!.GetValue<string>().ShouldBe("low");
        (await h.Db().Set<TimerRecord>().SingleAsync(t => t.InstanceId == instance.Id)).Purpose.ShouldBe(TimerPurpose.ServiceTaskRetry);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Message_throw_events_send_through_their_handlers(StoreKind store)
    {
        var outbox = new Outbox();
        await using var h = await EngineHarness.CreateAsync(store, s =>
        {
            s.AddSingleton(outbox);
            s.AddServiceTaskHandler<SendHandler>("notifyApplicant");
            s.AddServiceTaskHandler<SendHandler>("sendDecision");
        });
        await h.Engine().DeployAsync(ScenarioModel.Bytes("message-throw-events"), "test");

        var instance = await StartAsync(h, "messageThrows", businessKey: "M-1");
        instance.ActiveElementIds.ShouldBe(["decide"]);
        outbox.Sent.ShouldBe(["acknowledge:M-1"]);

        (await h.CompleteAsync(instance.Id, "decide")).Status.ShouldBe("completed");
        outbox.Sent.ShouldBe(["acknowledge:M-1", "informed:M-1"]);
        (await h.CountAsync(instance.Id, "informed", "completed")).ShouldBe(1);
    }

    private sealed class FailingHandler : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("mail server down");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Every_executable_pool_of_a_collaboration_deploys_and_its_send_tasks_run_their_handlers_and_send_along_message_flows(StoreKind store)
    {
        var outbox = new Outbox();
        await using var h = await EngineHarness.CreateAsync(store, Handlers(outbox));

        var deployed = await h.Engine().DeployAllAsync(ScenarioModel.Bytes("collaboration"), "test");
        deployed.Select(d => (d.Key, d.Version)).ShouldBe([("customerOrder", 1), ("supplierFulfilment", 1)]);
        (await h.Engine().DeployAsync(ScenarioModel.Bytes("collaboration"), "test")).Key.ShouldBe("customerOrder");
        (await h.Engine().ListDefinitionsAsync()).Select(d => $"{d.Key}:{d.Version}")
            .ShouldBe(["customerOrder:1", "customerOrder:2", "supplierFulfilment:1", "supplierFulfilment:2"]);

        var customer = await StartAsync(h, "customerOrder", businessKey: "ORDER-7");
        customer.ActiveElementIds.ShouldBe(["waitForDelivery"]);
        outbox.Sent.ShouldBe(["placeOrder:ORDER-7"]);

        // The send task's handler ran, and its message flow was delivered: the supplier's pool started by message.
        var supplierRow = await h.Db().Set<ProcessInstanceRecord>().SingleAsync(i => i.DefinitionKey == "supplierFulfilment");
        supplierRow.BusinessKey.ShouldBe("ORDER-7");
        var supplier = await h.InstanceAsync(supplierRow.Id);
        supplier.Version.ShouldBe(2);
        supplier.ActiveElementIds.ShouldBe(["pack"]);

        // After a restart the stored file is read again for each process, by its key.
        await using var restarted = h.Restart(Handlers(outbox));
        (await restarted.CompleteAsync(supplier.Id, "pack")).Status.ShouldBe("completed");
        outbox.Sent.ShouldBe(["placeOrder:ORDER-7", "deliver:ORDER-7"]);
        (await restarted.InstanceAsync(customer.Id)).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Message_flows_between_pools_are_delivered_as_messages_by_the_senders_business_key(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        (await h.Engine().DeployAllAsync(ScenarioModel.Bytes("collaboration-message-flows"), "test")).Count.ShouldBe(2);

        var applicant = await StartAsync(h, "flowApplicant", businessKey: "APP-9");

        applicant.ActiveElementIds.ShouldBe(["waitForAnswer"]);
        var office = await h.Db().Set<ProcessInstanceRecord>().SingleAsync(i => i.DefinitionKey == "flowOffice");
        office.BusinessKey.ShouldBe("APP-9");
        (await h.InstanceAsync(office.Id)).ActiveElementIds.ShouldBe(["examine"]);

        (await h.CompleteAsync(office.Id, "examine")).Status.ShouldBe("completed");
        (await h.InstanceAsync(applicant.Id)).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task A_collaboration_without_an_executable_pool_is_refused_with_one_message_and_stores_nothing(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);

        var refusal = await Should.ThrowAsync<DefinitionInvalidException>(() => h.Engine().DeployAsync(ScenarioModel.Bytes("descriptive-collaboration"), "test"));

        refusal.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("No process in this file is executable: all 2 processes are marked isExecutable=\"false\"");
        (await h.Engine().ListDefinitionsAsync()).ShouldBeEmpty();
    }
}
