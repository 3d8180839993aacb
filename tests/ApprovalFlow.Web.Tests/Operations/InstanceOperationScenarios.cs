using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Web.Tests.Infrastructure;
using static ApprovalFlow.Web.Tests.Operations.OperationModels;

namespace ApprovalFlow.Web.Tests.Operations;

/// <summary>Cancel, suspend, resume and send back over HTTP, and who may do them; run once per database.</summary>
public abstract class InstanceOperationScenarios(WebAppFactory factory)
{
    [Fact]
    public async Task Cancelling_with_a_reason_terminates_the_case_and_keeps_the_reason()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var officer = await factory.ClientForAsync(Accounts.Officer);
        var key = NewKey("cancel");
        await admin.DeployModelAsync(TwoBranches(key));
        var instanceId = await admin.StartAsync(key);
        await (await officer.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = " " }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var cancelled = await (await officer.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = "项目撤回 withdrawn by the enterprise" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        cancelled["status"]!.GetValue<string>().ShouldBe("terminated");
        cancelled["endReason"]!.GetValue<string>().ShouldBe("项目撤回 withdrawn by the enterprise");
        var instance = await admin.GetInstanceAsync(instanceId);
        instance["status"]!.GetValue<string>().ShouldBe("terminated");
        instance["endReason"]!.GetValue<string>().ShouldBe("项目撤回 withdrawn by the enterprise");
        instance["suspended"]!.GetValue<bool>().ShouldBeFalse();
        (await admin.GetJsonArrayAsync($"/api/tasks?instanceId={instanceId}")).ShouldBeEmpty();
        await (await officer.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = "again" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_suspended_case_refuses_completion_until_it_is_resumed()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var officer = await factory.ClientForAsync(Accounts.Officer);
        var key = NewKey("suspend");
        await admin.DeployModelAsync(SingleReview(key));
        var instanceId = await admin.StartAsync(key);
        var taskId = await officer.OpenTaskIdAsync(instanceId, "review");

        var suspended = await (await officer.PostAsJsonAsync($"/api/instances/{instanceId}/suspend", new { reason = "专家评审 expert review" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        suspended["suspended"]!.GetValue<bool>().ShouldBeTrue();
        (await admin.GetInstanceAsync(instanceId))["suspended"]!.GetValue<bool>().ShouldBeTrue();

        await (await officer.PostAsync($"/api/tasks/{taskId}/complete", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await officer.OpenTaskIdAsync(instanceId, "review")).ShouldBe(taskId);

        var resumed = await (await officer.PostAsync($"/api/instances/{instanceId}/resume", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        resumed["suspended"]!.GetValue<bool>().ShouldBeFalse();
        var completed = await (await officer.PostAsync($"/api/tasks/{taskId}/complete", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        completed["status"]!.GetValue<string>().ShouldBe("completed");

        var audit = await admin.GetJsonArrayAsync($"/api/instances/{instanceId}/audit");
        var events = audit.Select(e => e!["event"]!.GetValue<string>()).ToList();
        events.ShouldContain("instance-suspended");
        events.IndexOf("instance-resumed").ShouldBeGreaterThan(events.IndexOf("instance-suspended"));
        audit.First(e => e!["event"]!.GetValue<string>() == "instance-suspended")!["detail"]!.GetValue<string>().ShouldBe("专家评审 expert review");
    }

    [Fact]
    public async Task Sending_back_out_of_one_branch_of_a_parallel_fork_keeps_the_other_task()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var officer = await factory.ClientForAsync(Accounts.Officer);
        var key = NewKey("sendback");
        await admin.DeployModelAsync(TwoBranches(key));
        var instanceId = await admin.StartAsync(key);
        (await officer.PostAsync($"/api/tasks/{await officer.OpenTaskIdAsync(instanceId, "acceptLand")}/complete", null))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var eiaTaskId = await officer.OpenTaskIdAsync(instanceId, "acceptEia");
        var reviewTaskId = await officer.OpenTaskIdAsync(instanceId, "reviewLand");

        var sentBack = await (await officer.PostAsJsonAsync($"/api/instances/{instanceId}/send-back",
            new { fromElementId = "reviewLand", toElementId = "acceptLand", reason = "site plan missing" })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        sentBack["activeElementIds"].Strings().ShouldBe(["acceptEia", "acceptLand"], ignoreOrder: true);
        (await officer.OpenTaskIdAsync(instanceId, "acceptEia")).ShouldBe(eiaTaskId);
        (await officer.OpenTaskIdAsync(instanceId, "acceptLand")).ShouldNotBe(reviewTaskId);
        await (await officer.PostAsync($"/api/tasks/{reviewTaskId}/complete", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var visits = await admin.GetJsonArrayAsync($"/api/instances/{instanceId}/history");
        var review = visits.Single(v => v!["elementId"]!.GetValue<string>() == "reviewLand")!;
        review["outcome"]!.GetValue<string>().ShouldBe("sent-back");
        review["elementType"]!.GetValue<string>().ShouldBe("userTask");
        review["endedAt"]!.GetValue<string>().ShouldEndWith("Z");
        var landVisits = visits.Where(v => v!["elementId"]!.GetValue<string>() == "acceptLand").ToList();
        landVisits.Count.ShouldBe(2);
        landVisits[1]!["endedAt"].ShouldBeNull();
        var audit = await admin.GetJsonArrayAsync($"/api/instances/{instanceId}/audit");
        audit.ShouldContain(e => e!["event"]!.GetValue<string>() == "sent-back-to"
            && e["elementId"]!.GetValue<string>() == "acceptLand"
            && e["actor"]!.GetValue<string>() == Accounts.Officer.Email);

        await (await officer.PostAsJsonAsync($"/api/instances/{instanceId}/send-back",
            new { fromElementId = "reviewLand", toElementId = "acceptLand" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await officer.PostAsJsonAsync($"/api/instances/{instanceId}/send-back", new { fromElementId = "acceptLand" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Administrative_operations_are_forbidden_to_an_enterprise_user()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterprise = await factory.ClientForAsync(Accounts.Enterprise);
        var key = NewKey("forbidden");
        await admin.DeployModelAsync(TwoBranches(key));
        var instanceId = await enterprise.StartAsync(key);

        var problem = await (await enterprise.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = "changed my mind" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem["title"].ShouldNotBeNull();
        await (await enterprise.PostAsJsonAsync($"/api/instances/{instanceId}/suspend", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await enterprise.PostAsync($"/api/instances/{instanceId}/resume", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await enterprise.PostAsJsonAsync($"/api/instances/{instanceId}/send-back",
            new { fromElementId = "acceptLand", toElementId = "acceptLand" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await enterprise.PostAsJsonAsync($"/api/definitions/{key}/migrations", new { fromVersion = 1, toVersion = 2 }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await enterprise.GetAsync("/api/incidents")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var instance = await admin.GetInstanceAsync(instanceId);
        instance["status"]!.GetValue<string>().ShouldBe("running");
        instance["suspended"]!.GetValue<bool>().ShouldBeFalse();
        instance["endReason"].ShouldBeNull();
    }

    [Fact]
    public async Task Operations_on_a_case_that_does_not_exist_are_not_found()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var id = Guid.NewGuid();

        await (await admin.PostAsJsonAsync($"/api/instances/{id}/cancel", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"/api/instances/{id}/resume", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/instances/{id}/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/instances/{id}/audit")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class InstanceOperationsOnSqlite(WebAppFactory factory)
    : InstanceOperationScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class InstanceOperationsOnPostgres(PostgresWebAppFactory factory)
    : InstanceOperationScenarios(factory), IClassFixture<PostgresWebAppFactory>;
