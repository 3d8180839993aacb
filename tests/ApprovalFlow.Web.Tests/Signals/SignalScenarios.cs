using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Signals;

/// <summary>
/// <c>POST /api/signals</c> over HTTP with the two-pool model Scenarios/site-inspection-signal.bpmn: a permit
/// preparation interrupted by the signal "site-inspection-ordered", and an inspection each broadcast of it starts.
/// Each test class has its own database; tests within it share it, so they look only at their own instances.
/// </summary>
public abstract class SignalScenarios(WebAppFactory factory)
{
    private const string Signal = "site-inspection-ordered";

    private async Task<HttpClient> AdminWithModelAsync()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        await admin.DeployAsync("site-inspection-signal");
        return admin;
    }

    [Fact]
    public async Task A_broadcast_reaches_every_waiting_catch_and_starts_every_signal_start()
    {
        var admin = await AdminWithModelAsync();
        var first = await admin.StartAsync("inspection-wait");
        var second = await admin.StartAsync("inspection-wait");

        var response = await admin.PostAsJsonAsync("/api/signals", new { name = Signal, variables = new { inspector = "王工" } });

        var body = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        body["name"]!.GetValue<string>().ShouldBe(Signal);
        var received = body["received"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
        received.ShouldContain(first);
        received.ShouldContain(second);
        foreach (var id in new[] { first, second })
        {
            var instance = await admin.GetInstanceAsync(id);
            instance["status"]!.GetValue<string>().ShouldBe("completed");
            instance["variables"]!["inspector"]!.GetValue<string>().ShouldBe("王工");
            (await admin.GetJsonArrayAsync($"/api/instances/{id}/history")).Select(h => h!["elementId"]?.GetValue<string>())
                .ShouldContain("halted-for-inspection");
        }
        var started = body["started"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
        started["definitionKey"]!.GetValue<string>().ShouldBe("inspection-started");
        started["activeElementIds"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe(["inspect"]);
        started["variables"]!["inspector"]!.GetValue<string>().ShouldBe("王工");
    }

    [Fact]
    public async Task A_signal_named_to_one_instance_moves_that_instance_only()
    {
        var admin = await AdminWithModelAsync();
        var officer = await factory.ClientForAsync(Accounts.Officer);
        var target = await admin.StartAsync("inspection-wait");
        var other = await admin.StartAsync("inspection-wait");
        var inspectionsBefore = await InspectionCountAsync(admin);

        // The officer may work on it: its open task is for the officer's department.
        var response = await officer.PostAsJsonAsync("/api/signals", new { name = Signal, instanceId = target });

        var body = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        body["received"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ShouldBe([target]);
        body["started"]!.AsArray().ShouldBeEmpty();
        (await admin.GetInstanceAsync(target))["status"]!.GetValue<string>().ShouldBe("completed");
        (await admin.GetInstanceAsync(other))["activeElementIds"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe(["prepare"]);
        (await InspectionCountAsync(admin)).ShouldBe(inspectionsBefore, "a signal to one instance starts nothing");

        var audit = await (await admin.GetAsync($"/api/audit?subjectType=signal&subjectId={target}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var entry = audit["items"]!.AsArray().ShouldHaveSingleItem()!;
        entry["action"]!.GetValue<string>().ShouldBe("BroadcastSignal");
        entry["actor"]!.GetValue<string>().ShouldBe(Accounts.Officer.Email);
        entry["outcome"]!.GetValue<string>().ShouldBe("succeeded");
    }

    [Fact]
    public async Task A_signal_to_an_instance_not_waiting_for_it_is_not_found_and_changes_nothing()
    {
        var admin = await AdminWithModelAsync();
        var waiting = await admin.StartAsync("inspection-wait");

        var otherName = await admin.PostAsJsonAsync("/api/signals", new { name = "nobody-waits-for-this", instanceId = waiting });
        (await otherName.ShouldBeProblemAsync(HttpStatusCode.NotFound))["detail"]!.GetValue<string>().ShouldContain("nobody-waits-for-this");
        (await admin.GetInstanceAsync(waiting))["activeElementIds"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe(["prepare"]);

        var missing = await admin.PostAsJsonAsync("/api/signals", new { name = Signal, instanceId = Guid.NewGuid() });
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await admin.PostAsJsonAsync("/api/signals", new { name = Signal, instanceId = waiting })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ended = await admin.PostAsJsonAsync("/api/signals", new { name = Signal, instanceId = waiting });
        await ended.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_broadcast_nobody_waits_for_answers_with_empty_lists()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);

        var response = await admin.PostAsJsonAsync("/api/signals", new { name = "nobody-waits-" + Guid.NewGuid().ToString("N") });

        var body = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        body["received"]!.AsArray().ShouldBeEmpty();
        body["started"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_administrators_broadcast_and_others_signal_only_instances_they_may_work_on()
    {
        var admin = await AdminWithModelAsync();
        var officer = await factory.ClientForAsync(Accounts.Officer);
        var enterprise = await factory.ClientForAsync(Accounts.Enterprise);
        var waiting = await admin.StartAsync("inspection-wait");
        var inspectionsBefore = await InspectionCountAsync(admin);

        var broadcast = await officer.PostAsJsonAsync("/api/signals", new { name = Signal });
        (await broadcast.ShouldBeProblemAsync(HttpStatusCode.Forbidden))["detail"]!.GetValue<string>().ShouldContain("管理员");

        var notHers = await enterprise.PostAsJsonAsync("/api/signals", new { name = Signal, instanceId = waiting });
        await notHers.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var noName = await admin.PostAsJsonAsync("/api/signals", new { name = " ", instanceId = waiting });
        (await noName.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["name"].ShouldNotBeNull();

        (await admin.GetInstanceAsync(waiting))["activeElementIds"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe(["prepare"]);
        (await InspectionCountAsync(admin)).ShouldBe(inspectionsBefore);
        var audit = await (await admin.GetAsync($"/api/audit?subjectType=signal&subjectId={waiting}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        audit["items"]!.AsArray().Select(e => e!["outcome"]!.GetValue<string>()).ShouldBe(["refused", "refused"]);
    }

    [Fact]
    public async Task Approval_case_instances_are_left_out_of_a_broadcast_and_refused_by_name()
    {
        var admin = await AdminWithModelAsync();
        var plain = await admin.StartAsync("inspection-wait");
        var asCase = await admin.StartAsync("inspection-wait");
        // Arranged directly: an approval case whose engine instance waits for the signal (the shipped approval
        // workflows have no signal catch). Only the case's instance id matters to the rule under test.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(new ApprovalCase(Guid.NewGuid(), Guid.NewGuid(), "131102", ApprovalMode.Normal, asCase, "inspection-wait", 1,
                DateTime.UtcNow, Accounts.Admin.Email));
            await db.SaveChangesAsync();
        }

        var named = await admin.PostAsJsonAsync("/api/signals", new { name = Signal, instanceId = asCase });
        (await named.ShouldBeProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>().ShouldContain("审批");

        var broadcast = await (await admin.PostAsJsonAsync("/api/signals", new { name = Signal })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var received = broadcast["received"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
        received.ShouldContain(plain);
        received.ShouldNotContain(asCase);
        (await admin.GetInstanceAsync(asCase))["activeElementIds"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe(["prepare"]);
        (await admin.GetInstanceAsync(plain))["status"]!.GetValue<string>().ShouldBe("completed");
    }

    /// <summary>Inspections started so far: each waits at its open task "inspect".</summary>
    private static async Task<int> InspectionCountAsync(HttpClient admin) =>
        (await admin.GetJsonArrayAsync("/api/tasks?candidateGroup=natural-resources")).Count(t => t!["elementId"]!.GetValue<string>() == "inspect");
}

public sealed class SignalsOnSqlite(WebAppFactory factory)
    : SignalScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class SignalsOnPostgres(PostgresWebAppFactory factory)
    : SignalScenarios(factory), IClassFixture<PostgresWebAppFactory>;
