using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Timers;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ApprovalFlow.Web.Tests.Security.SecurityWorld;

namespace ApprovalFlow.Web.Tests.Security;

/// <summary>
/// Each finding of the authorisation review (docs/security.md), reproduced against the app as it was and held shut
/// now: run once per database.
/// </summary>
public abstract class FindingScenarios(SecurityFixture fixture)
{
    private SecurityWorld World => fixture.World;

    /// <summary>A new project of enterprise A with a case registered (the steps open for acceptance).</summary>
    private async Task<JsonObject> FreshCaseAsync()
    {
        var projectId = (await World.Client(OwnEnterprise).RegisteredProjectAsync(ProjectWorld.NewProject())).Id();
        var started = await World.Client(OwnEnterprise).PostAsJsonAsync("/api/cases", new { projectId, mode = "normal" });
        return await World.Approvals.RegisterAsync(await started.ShouldHaveStatusAsync(HttpStatusCode.Created));
    }

    private async Task<T> InDbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = World.Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task F3_completing_an_approval_task_through_the_generic_route_is_refused_in_chinese_with_the_approval_route_and_the_step_stays()
    {
        var approvalCase = await FreshCaseAsync();
        var task = ApprovalWorld.TaskId(approvalCase, "landAccept");
        var response = await World.Client(LandOfficer).PostAsJsonAsync($"/api/tasks/{task}/complete",
            new { variables = new { landOutcome = "approve" } });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.Text("detail").ShouldContain($"POST /api/tasks/{task}/accept");
        problem.Text("detail").ShouldContain("审批");
        var after = await ApprovalWorld.GetCaseAsync(World.Client(Admin), approvalCase.Id());
        ApprovalWorld.StatusOf(after, "land").ShouldBe("awaitingAcceptance");
        after["openTasks"]!.AsArray().Select(t => t.Text("elementId")).ShouldContain("landAccept");
    }

    [Fact]
    public async Task F3_an_officer_of_an_involved_department_cannot_terminate_the_case_through_the_generic_cancel()
    {
        var approvalCase = await FreshCaseAsync();
        var instanceId = await InDbAsync(db => db.Set<ApprovalCase>().Where(c => c.Id == approvalCase.Id()).Select(c => c.InstanceId).SingleAsync());
        var ecology = await World.OfficerAsync("ecology-environment", null);
        var response = await ecology.PostAsJsonAsync($"/api/instances/{instanceId}/cancel", new { reason = "越权终止" });
        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Text("detail").ShouldContain("/terminate");
        (await ApprovalWorld.GetCaseAsync(World.Client(Admin), approvalCase.Id())).Text("status").ShouldBe("running");
    }

    [Fact]
    public async Task F4_only_the_department_that_relies_on_a_pledge_may_break_it()
    {
        var projectId = (await World.Client(OwnEnterprise).RegisteredProjectAsync(ProjectWorld.NewProject())).Id();
        (await World.Client(OwnEnterprise).PostAsJsonAsync("/api/cases", new { projectId, mode = "normal" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var signed = await World.Client(OwnEnterprise).PostAsJsonAsync("/api/pledges", new
        {
            projectId, scheme = "tolerated-gap", stepCode = "planning", text = "本企业承诺按期补齐规划许可的容缺材料。",
        });
        var pledgeId = (await signed.ShouldHaveStatusAsync(HttpStatusCode.Created)).Id();

        // Found: an emergency-management officer broke a planning step's pledge (200, steps revoked, a credit record).
        var emergency = await World.Client(OtherDepartmentOfficer).PostAsJsonAsync($"/api/pledges/{pledgeId}/breach", new { reason = "越权认定" });
        (await emergency.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).Text("detail").ShouldContain("部门");
        (await InDbAsync(db => db.Set<Features.Credit.CreditRecord>().CountAsync(r => r.PledgeId == pledgeId))).ShouldBe(0);

        // Planning is natural-resources' step: its officer may.
        var planning = await World.Client(LandOfficer).PostAsJsonAsync($"/api/pledges/{pledgeId}/breach", new { reason = "现场核查发现虚假承诺" });
        (await planning.ShouldHaveStatusAsync(HttpStatusCode.OK)).Text("status").ShouldBe("revoked");
    }

    [Fact]
    public async Task F5_a_role_taken_away_or_a_department_changed_applies_at_the_next_request_and_a_password_reset_ends_the_token()
    {
        var approvalCase = await FreshCaseAsync();
        var task = ApprovalWorld.TaskId(approvalCase, "landAccept");
        var email = $"moved-{Guid.NewGuid():N}@test.local";
        await using (var scope = World.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, Department = "natural-resources" };
            (await users.CreateAsync(user, DemoAccount.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRolesAsync(user, [AppRoles.Officer])).Succeeded.ShouldBeTrue();
        }
        var officer = await World.Factory.LoginAsync(email);
        (await officer.GetAsync($"/api/tasks/{task}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ChangeUserAsync(email, async (users, user) => { user.Department = "ecology-environment"; await users.UpdateAsync(user); });
        (await officer.GetAsync($"/api/tasks/{task}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the token still said natural-resources");

        await ChangeUserAsync(email, async (users, user) => { user.Department = "natural-resources"; await users.UpdateAsync(user); });
        (await officer.GetAsync($"/api/tasks/{task}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ChangeUserAsync(email, (users, user) => users.RemoveFromRoleAsync(user, AppRoles.Officer));
        (await officer.PostAsJsonAsync($"/api/case-tasks/{task}/claim", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden,
            "the token still said Officer");

        await ChangeUserAsync(email, async (users, user) => await users.UpdateSecurityStampAsync(user));
        (await officer.GetAsync("/api/my/tasks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a changed security stamp ends the token");
    }

    [Fact]
    public async Task F5_an_open_page_is_revalidated_against_the_database()
    {
        var email = $"circuit-{Guid.NewGuid():N}@test.local";
        System.Security.Claims.ClaimsPrincipal held;
        await using (var scope = World.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, Department = "natural-resources" };
            (await users.CreateAsync(user, DemoAccount.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRolesAsync(user, [AppRoles.Officer])).Succeeded.ShouldBeTrue();
            held = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        }
        RevalidatingCallerState State()
        {
            var scope = World.Factory.Services.CreateScope();
            return (RevalidatingCallerState)scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>();
        }
        (await State().StillValidAsync(held)).ShouldBeTrue();
        await ChangeUserAsync(email, async (users, user) => { user.County = OtherCounty; await users.UpdateAsync(user); });
        (await State().StillValidAsync(held)).ShouldBeFalse("the circuit still held the city-level officer");
    }

    [Fact]
    public async Task F6_an_administrator_terminates_a_case_which_ends_it_its_steps_and_its_chasing_and_frees_the_project()
    {
        var approvalCase = await FreshCaseAsync();
        var projectId = approvalCase["projectId"]!.GetValue<Guid>();
        var refused = await World.Client(Admin).PostAsJsonAsync($"/api/cases/{approvalCase.Id()}/terminate", new { reason = " " });
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["reason"]![0]!.GetValue<string>().ShouldContain("理由");

        var response = await World.Client(Admin).PostAsJsonAsync($"/api/cases/{approvalCase.Id()}/terminate", new { reason = "企业撤回申请" });
        var terminated = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        terminated.Text("status").ShouldBe("terminated");
        terminated["steps"]!.AsArray().ShouldAllBe(s => s.Text("status") == "withdrawn");
        terminated["openTasks"]!.AsArray().ShouldBeEmpty();
        var instanceId = await InDbAsync(db => db.Set<ApprovalCase>().Where(c => c.Id == approvalCase.Id()).Select(c => c.InstanceId).SingleAsync());
        (await (await World.Client(Admin).GetAsync($"/api/instances/{instanceId}")).ShouldHaveStatusAsync(HttpStatusCode.OK)).Text("status")
            .ShouldBe("terminated");
        (await InDbAsync(db => db.Set<ApprovalStep>().CountAsync(s => s.CaseId == approvalCase.Id() && s.Status != StepStatus.Withdrawn))).ShouldBe(0);

        var again = await World.Client(OwnEnterprise).PostAsJsonAsync("/api/cases", new { projectId, mode = "normal" });
        again.StatusCode.ShouldBe(HttpStatusCode.Created, "a terminated case no longer holds its project");
    }

    [Fact]
    public async Task F7_simultaneous_starts_of_one_project_make_one_case()
    {
        var projectId = (await World.Client(OwnEnterprise).RegisteredProjectAsync(ProjectWorld.NewProject())).Id();
        var enterprise = World.Client(OwnEnterprise);
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => enterprise.PostAsJsonAsync("/api/cases", new { projectId, mode = "normal" })));
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Conflict);
        (await InDbAsync(db => db.Set<ApprovalCase>().CountAsync(c => c.ProjectId == projectId))).ShouldBe(1);
    }

    [Fact]
    public async Task F8_the_retention_purge_keeps_approval_cases_and_removes_ended_plain_processes()
    {
        var approvalCase = await FreshCaseAsync();
        (await World.Client(Admin).PostAsJsonAsync($"/api/cases/{approvalCase.Id()}/terminate", new { reason = "测试档案保留" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var instanceId = await InDbAsync(db => db.Set<ApprovalCase>().Where(c => c.Id == approvalCase.Id()).Select(c => c.InstanceId).SingleAsync());
        var plain = await (await World.Client(Admin).PostAsJsonAsync("/api/instances", new { definitionKey = "land-review", businessKey = "purge-me" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await World.Client(Admin).PostAsJsonAsync($"/api/instances/{plain.Id()}/cancel", new { reason = "测试清理" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Task.Delay(50);

        var job = new HistoryPurgeJob(World.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new EngineOptions { HistoryRetention = TimeSpan.Zero }), NullLogger<HistoryPurgeJob>.Instance);
        (await job.PurgeAsync(CancellationToken.None)).ShouldBeGreaterThan(0);

        (await World.Client(Admin).GetAsync($"/api/instances/{plain.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await World.Client(Admin).GetAsync($"/api/instances/{instanceId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await World.Client(Admin).GetAsync($"/api/cases/{approvalCase.Id()}/diagram")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(StepStatus.Revoked)]
    [InlineData(StepStatus.Suspended)]
    public async Task F9_a_revoked_or_suspended_step_is_not_moved_by_the_next_action_on_it(StepStatus status)
    {
        var approvalCase = await FreshCaseAsync();
        var stepId = ApprovalWorld.Step(approvalCase, "land").Id();
        await InDbAsync(db => db.Set<ApprovalStep>().Where(s => s.Id == stepId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, status)));

        var response = await World.Client(LandOfficer).PostAsJsonAsync($"/api/tasks/{ApprovalWorld.TaskId(approvalCase, "landAccept")}/accept", new { });
        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await InDbAsync(db => db.Set<ApprovalStep>().Where(s => s.Id == stepId).Select(s => s.Status).SingleAsync())).ShouldBe(status);

        // Another step's action syncs the case: the land step is not moved back either.
        var planning = ApprovalWorld.TaskId(approvalCase, "planningAccept");
        (await World.Client(LandOfficer).PostAsJsonAsync($"/api/tasks/{planning}/accept", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await InDbAsync(db => db.Set<ApprovalStep>().Where(s => s.Id == stepId).Select(s => s.Status).SingleAsync())).ShouldBe(status);
    }

    private async Task ChangeUserAsync(string email, Func<UserManager<AppUser>, AppUser, Task> change)
    {
        await using var scope = World.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await change(users, (await users.FindByEmailAsync(email))!);
    }
}

public sealed class FindingsOnSqlite(SqliteSecurityFixture fixture) : FindingScenarios(fixture), IClassFixture<SqliteSecurityFixture>;

public sealed class FindingsOnPostgres(PostgresSecurityFixture fixture) : FindingScenarios(fixture), IClassFixture<PostgresSecurityFixture>;
