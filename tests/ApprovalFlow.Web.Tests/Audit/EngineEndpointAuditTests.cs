using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;

namespace ApprovalFlow.Web.Tests.Audit;

/// <summary>
/// The generic engine endpoints (claim, complete, case operations, deploy) are Mediator commands like every other write
/// (ADR 0009): each is in the audit hash chain under its command's name — who, what, on which subject, and whether it
/// was done or refused.
/// </summary>
public abstract class EngineEndpointAuditTests(WebAppFactory factory)
{
    private static DemoAccount Supervisor => DemoAccount.All.Single(a => a.Role == AppRoles.Supervisor);

    [Fact]
    public async Task Claiming_and_completing_a_task_are_audited_with_their_outcome_and_reads_are_not()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var officer = await factory.ClientForAsync(Accounts.Officer);
        await admin.DeployAsync("land-review");
        var instanceId = await admin.StartAsync("land-review");
        var taskId = (await officer.GetJsonArrayAsync($"/api/tasks?instanceId={instanceId}")).Single()!["id"]!.GetValue<Guid>();
        (await officer.GetAsync($"/api/tasks/{taskId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await officer.PostAsync($"/api/tasks/{taskId}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/tasks/{taskId}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await officer.PostAsync($"/api/tasks/{taskId}/complete", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var entries = await EntriesOfAsync("task", taskId);
        entries.Select(e => (e.Text("action"), e.Text("outcome"), e.Text("actor"))).Reverse().ShouldBe(
        [
            ("ClaimTask", "succeeded", Accounts.Officer.Email),
            ("ClaimTask", "refused", Accounts.Admin.Email),
            ("CompleteTask", "succeeded", Accounts.Officer.Email),
        ]);
        entries[1]!.Text("outcomeMessage").ShouldContain(Accounts.Officer.Email, Case.Insensitive, "the refusal says who holds the task");
        await ChainIsIntactAsync();
    }

    [Fact]
    public async Task A_request_the_access_rule_refuses_is_audited_as_refused_and_changes_nothing()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterprise = await factory.ClientForAsync(Accounts.Enterprise);
        await admin.DeployAsync("land-review");
        var instanceId = await admin.StartAsync("land-review");
        var taskId = (await admin.GetJsonArrayAsync($"/api/tasks?instanceId={instanceId}")).Single()!["id"]!.GetValue<Guid>();

        (await enterprise.PostAsync($"/api/tasks/{taskId}/complete", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var entry = (await EntriesOfAsync("task", taskId)).Single()!;
        entry.Text("action").ShouldBe("CompleteTask");
        entry.Text("outcome").ShouldBe("refused");
        entry.Text("actor").ShouldBe(Accounts.Enterprise.Email);
        (await admin.GetJsonArrayAsync($"/api/tasks?instanceId={instanceId}")).Single()!["id"]!.GetValue<Guid>().ShouldBe(taskId);
    }

    [Fact]
    public async Task Cancelling_a_case_records_the_reason_in_the_audit_entry()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        await admin.DeployAsync("land-review");
        var instanceId = await admin.StartAsync("land-review");

        var reason = "撤回申请 " + Guid.NewGuid().ToString("N");
        (await admin.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var entry = (await EntriesOfAsync("instance", instanceId)).Single()!;
        entry.Text("action").ShouldBe("CancelInstance");
        entry.Text("outcome").ShouldBe("succeeded");
        entry.Text("data").ShouldContain(reason);
    }

    private async Task<JsonArray> EntriesOfAsync(string subjectType, Guid subjectId)
    {
        var supervisor = await factory.ClientForAsync(Supervisor);
        var page = await (await supervisor.GetAsync($"/api/audit?subjectType={subjectType}&subjectId={subjectId}"))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray();
    }

    private async Task ChainIsIntactAsync()
    {
        var supervisor = await factory.ClientForAsync(Supervisor);
        var body = await (await supervisor.GetAsync("/api/audit/verify")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        body["intact"]!.GetValue<bool>().ShouldBeTrue();
    }
}

public sealed class SqliteEngineEndpointAuditTests(WebAppFactory factory)
    : EngineEndpointAuditTests(factory), IClassFixture<WebAppFactory>;

public sealed class PostgresEngineEndpointAuditTests(PostgresWebAppFactory factory)
    : EngineEndpointAuditTests(factory), IClassFixture<PostgresWebAppFactory>;
