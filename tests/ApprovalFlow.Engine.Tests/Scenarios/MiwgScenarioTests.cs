using ApprovalFlow.Engine.Tests.Infrastructure;
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
}
