using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ApprovalFlow.Engine.Tests.Scenarios;

/// <summary>
/// MIWG reference models that deploy, run end to end with handlers registered here for their service-like tasks.
/// Without the reference set (a clone without shared/ beside it) each test says so in one line and returns.
/// </summary>
public class MiwgScenarioTests(ITestOutputHelper output)
{
    private sealed class ArchiveHandler : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            context.Variables["archivedAs"] = $"archive/{context.BusinessKey}";
            return ValueTask.CompletedTask;
        }
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task C_1_0_invoice_runs_from_its_message_start_through_review_to_the_archive(StoreKind store)
    {
        if (MiwgSet.Bytes("C.1.0.bpmn", output) is not { } bytes) return;
        await using var h = await EngineHarness.CreateAsync(store, s => s.AddServiceTaskHandler<ArchiveHandler>("archiveService"));
        var deployed = await h.Engine().DeployAllAsync(bytes, "test");
        deployed.ShouldHaveSingleItem().Key.ShouldBe("bpmn-miwg-test-case-c.1.0");

        var invoice = await h.Engine().CorrelateMessageAsync("invoice-received-C.1.0", "INV-1", null, EngineHarness.Vars(new { amount = 30m }));
        invoice.ActiveElementIds.ShouldBe(["assignApprover"]);
        (await h.TaskAsync(invoice.Id, "assignApprover")).Assignee.ShouldBe("demo");

        await h.CompleteAsync(invoice.Id, "assignApprover", new { approver = "mary" });
        (await h.TaskAsync(invoice.Id, "approveInvoice")).Assignee.ShouldBe("mary");
        (await h.CompleteAsync(invoice.Id, "approveInvoice", new { approved = false })).ActiveElementIds.ShouldBe(["reviewInvoice"]);
        (await h.CompleteAsync(invoice.Id, "reviewInvoice", new { clarified = "yes" })).ActiveElementIds.ShouldBe(["approveInvoice"]);
        (await h.CompleteAsync(invoice.Id, "approveInvoice", new { approved = true })).ActiveElementIds.ShouldBe(["prepareBankTransfer"]);

        var done = await h.CompleteAsync(invoice.Id, "prepareBankTransfer");
        done.Status.ShouldBe("completed");
        done.Variables["archivedAs"]!.GetValue<string>().ShouldBe("archive/INV-1");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task C_1_0_invoice_ends_unprocessed_when_the_review_fails(StoreKind store)
    {
        if (MiwgSet.Bytes("C.1.0.bpmn", output) is not { } bytes) return;
        await using var h = await EngineHarness.CreateAsync(store, s => s.AddServiceTaskHandler<ArchiveHandler>("archiveService"));
        await h.Engine().DeployAsync(bytes, "test");

        var invoice = await h.Engine().CorrelateMessageAsync("invoice-received-C.1.0", "INV-2", null, null);
        await h.CompleteAsync(invoice.Id, "assignApprover", new { approver = "mary" });
        await h.CompleteAsync(invoice.Id, "approveInvoice", new { approved = false });
        var end = await h.CompleteAsync(invoice.Id, "reviewInvoice", new { clarified = "no" });

        end.Status.ShouldBe("completed");
        end.Variables.ContainsKey("archivedAs").ShouldBeFalse();
    }

    public sealed class Mailbox
    {
        public List<string> Sent { get; } = [];
    }

    private sealed class EmailHandler(Mailbox mailbox) : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            lock (mailbox) mailbox.Sent.Add(context.ElementId);
            return ValueTask.CompletedTask;
        }
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task C_9_1_document_request_reminds_daily_six_times_then_a_call_after_a_week(StoreKind store)
    {
        if (MiwgSet.Bytes("C.9.1.bpmn", output) is not { } bytes) return;
        var mailbox = new Mailbox();
        await using var h = await EngineHarness.CreateAsync(store, s =>
        {
            s.AddSingleton(mailbox);
            s.AddServiceTaskHandler<EmailHandler>("emailService");
        });
        await h.Engine().DeployAsync(bytes, "test");

        var request = await h.Engine().StartAsync("requestDocument_en", "DOC-1", null, "clerk");
        request.ActiveElementIds.ShouldBe(["ReceiveTask_WaitForDocument"]);
        mailbox.Sent.ShouldBe(["SendTask_RequestDocument"]);

        for (var day = 1; day <= 6; day++)
        {
            h.Clock.Advance(TimeSpan.FromDays(1));
            (await h.Engine().FireDueTimersAsync()).ShouldBe(1);
        }
        mailbox.Sent.Count(s => s == "SendTask_SendReminderEmail").ShouldBe(6);
        (await h.InstanceAsync(request.Id)).ActiveElementIds.ShouldBe(["ReceiveTask_WaitForDocument"]);

        h.Clock.Advance(TimeSpan.FromDays(1));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(1);
        mailbox.Sent.Count(s => s == "SendTask_SendReminderEmail").ShouldBe(6);
        (await h.InstanceAsync(request.Id)).ActiveElementIds.ShouldBe(["UserTask_CallCustomer"]);
        (await h.CompleteAsync(request.Id, "UserTask_CallCustomer")).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task C_9_1_document_received_ends_the_request_and_its_reminders(StoreKind store)
    {
        if (MiwgSet.Bytes("C.9.1.bpmn", output) is not { } bytes) return;
        var mailbox = new Mailbox();
        await using var h = await EngineHarness.CreateAsync(store, s =>
        {
            s.AddSingleton(mailbox);
            s.AddServiceTaskHandler<EmailHandler>("emailService");
        });
        await h.Engine().DeployAsync(bytes, "test");
        var request = await h.Engine().StartAsync("requestDocument_en", "DOC-2", null, "clerk");
        h.Clock.Advance(TimeSpan.FromDays(2));
        await h.Engine().FireDueTimersAsync();

        var done = await h.Engine().CorrelateMessageAsync("MESSAGE_documentReceived", "DOC-2", null, null);

        done.Id.ShouldBe(request.Id);
        done.Status.ShouldBe("completed");
        h.Clock.Advance(TimeSpan.FromDays(30));
        (await h.Engine().FireDueTimersAsync()).ShouldBe(0);
    }

    private async Task<EngineHarness?> ManualCheckAsync(StoreKind store, Mailbox mailbox)
    {
        if (MiwgSet.Bytes("C.9.2.bpmn", output) is not { } manualCheck || MiwgSet.Bytes("C.9.1.bpmn", output) is not { } documentRequest) return null;
        var h = await EngineHarness.CreateAsync(store, s =>
        {
            s.AddSingleton(mailbox);
            s.AddServiceTaskHandler<EmailHandler>("emailService");
            s.AddServiceTaskHandler<EmailHandler>("notifyCustomerDelay");
        });
        await h.Engine().DeployAsync(documentRequest, "test");
        await h.Engine().DeployAsync(manualCheck, "test");
        return h;
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task C_9_2_manual_check_requests_documents_beside_the_decision_and_waits_for_them(StoreKind store)
    {
        var mailbox = new Mailbox();
        if (await ManualCheckAsync(store, mailbox) is not { } h) return;
        await using var _ = h;
        var check = await h.Engine().StartAsync("ManualCheck", "APP-1", null, "clerk");
        check.ActiveElementIds.ShouldBe(["UserTask_DecideOnApplication"]);

        // Non-interrupting message start: a called document request per document (Zeebe multi-instance), beside the decision.
        var requested = await h.Engine().CorrelateMessageAsync("Message_DocumentRequested", "APP-1", null,
            EngineHarness.Vars(new { documents = new[] { "payslip", "id card" } }));
        requested.ActiveElementIds.ShouldBe(["UserTask_DecideOnApplication", "Activity_0uvp3cb", "CallActivity_RequestDocument"], ignoreOrder: true);
        var requests = await h.Db().Set<Persistence.ProcessInstanceRecord>().Where(i => i.ParentInstanceId == check.Id).Select(i => i.Id).ToListAsync();
        requests.Count.ShouldBe(2);
        mailbox.Sent.Count(m => m == "SendTask_RequestDocument").ShouldBe(2);

        // Five days on, the non-interrupting R1/P5D timer start asks to accelerate, once.
        h.Clock.Advance(TimeSpan.FromDays(5));
        await h.Engine().FireDueTimersAsync();
        mailbox.Sent.Count(m => m == "SendTask_NotifyCustomerDelay").ShouldBe(1);
        (await h.TasksAsync(check.Id)).Select(t => t.ElementId).Order().ShouldBe(["UserTask_AccelerateDecision", "UserTask_DecideOnApplication"]);
        (await h.Db().Set<Persistence.TimerRecord>().CountAsync(t => t.InstanceId == check.Id && t.ElementId == "StartTimerEvent_AcceleratedDecision"
            && t.Status == Persistence.TimerStatus.Pending)).ShouldBe(0); // R1: the one repetition is used up
        h.Clock.Advance(TimeSpan.FromDays(2));
        await h.Engine().FireDueTimersAsync();

        // The decision's own timer (7 days) has ended the case with error '02' meanwhile: everything in it is withdrawn.
        var ended = await h.InstanceAsync(check.Id);
        ended.Status.ShouldBe("terminated");
        ended.EndReason.ShouldNotBeNull().ShouldContain("'02'");
        foreach (var request in requests) (await h.InstanceAsync(request)).Status.ShouldBe("terminated");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task C_9_2_manual_check_decided_in_time_ends_once_the_requested_documents_arrived(StoreKind store)
    {
        var mailbox = new Mailbox();
        if (await ManualCheckAsync(store, mailbox) is not { } h) return;
        await using var _ = h;
        var check = await h.Engine().StartAsync("ManualCheck", "APP-2", null, "clerk");
        await h.Engine().CorrelateMessageAsync("Message_DocumentRequested", "APP-2", null, EngineHarness.Vars(new { documents = new[] { "payslip" } }));
        var request = await h.Db().Set<Persistence.ProcessInstanceRecord>().Where(i => i.ParentInstanceId == check.Id).Select(i => i.Id).SingleAsync();

        var decided = await h.CompleteAsync(check.Id, "UserTask_DecideOnApplication");
        decided.Status.ShouldBe("running"); // the running event sub-process keeps the case open
        decided.ActiveElementIds.ShouldBe(["Activity_0uvp3cb", "CallActivity_RequestDocument"], ignoreOrder: true);

        await h.Engine().CorrelateMessageAsync("MESSAGE_documentReceived", null, request, null);
        (await h.InstanceAsync(check.Id)).Status.ShouldBe("completed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task C_9_2_fraud_found_ends_the_manual_check_with_its_error(StoreKind store)
    {
        var mailbox = new Mailbox();
        if (await ManualCheckAsync(store, mailbox) is not { } h) return;
        await using var _ = h;
        var check = await h.Engine().StartAsync("ManualCheck", "APP-3", null, "clerk");
        (await h.Engine().CorrelateMessageAsync("Message_FraudSuspected", "APP-3", null, null)).ActiveElementIds
            .ShouldBe(["UserTask_DecideOnApplication", "Activity_02a6b2h", "UserTask_CheckForFraud"], ignoreOrder: true);

        var ended = await h.CompleteAsync(check.Id, "UserTask_CheckForFraud", new { fraud = true });

        ended.Status.ShouldBe("terminated");
        ended.EndReason.ShouldNotBeNull().ShouldContain("'02'");
        (await h.TasksAsync(check.Id)).ShouldBeEmpty();
    }
}
