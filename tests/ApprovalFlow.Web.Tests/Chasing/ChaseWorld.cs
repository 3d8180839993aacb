using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Chasing;
using ApprovalFlow.Web.Features.Notifications;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Web.Tests.Approvals.ApprovalWorld;

namespace ApprovalFlow.Web.Tests.Chasing;

public sealed record TestUser(string Id, string Email);

/// <summary>
/// A case whose safety step (emergency management, 10 working days) is accepted on Monday 2 March 2026, 10:00 China
/// time, so due Monday 16 March: yellow from Thursday 12, red from Tuesday 17, leader escalation from Friday 20 March.
/// With a department head, a supervisor and the project's paired leader of its own, so their inboxes count only this case.
/// </summary>
public sealed class ChaseWorld
{
    public const string Department = "emergency-management";
    public static readonly DateTimeOffset Accepted = China(2026, 3, 2, 10);

    private ChaseWorld(ApprovalWorld approvals, Guid caseId, Guid stepId, TestUser head, TestUser supervisor, TestUser leader)
    {
        Approvals = approvals;
        CaseId = caseId;
        StepId = stepId;
        Head = head;
        Supervisor = supervisor;
        Leader = leader;
    }

    public ApprovalWorld Approvals { get; }
    public Guid CaseId { get; }
    public Guid StepId { get; }
    public TestUser Head { get; }
    public TestUser Supervisor { get; }
    public TestUser Leader { get; }

    public static DateTimeOffset China(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The app with its clock replaced: another host (another "server") on the same database each time it is called.</summary>
    public static WebApplicationFactory<Program> Host(WebApplicationFactory<Program> factory, SettableClock clock) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

    /// <summary>Builds the world with the clock at <see cref="Accepted"/>; the caller moves the clock afterwards.</summary>
    public static async Task<ChaseWorld> CreateAsync(WebApplicationFactory<Program> app, SettableClock clock)
    {
        clock.Now = Accepted;
        var approvals = await ApprovalWorld.CreateAsync(app, $"衡水某催办测试{Guid.NewGuid().ToString("N")[..6]}有限公司");
        var head = await UserAsync(app, "head", Department, AppRoles.Officer, AppRoles.DepartmentHead);
        var supervisor = await UserAsync(app, "supervisor", null, AppRoles.Supervisor);
        var leader = await UserAsync(app, "leader", null, AppRoles.PairedLeader);
        await (await approvals.Admin.PutAsJsonAsync($"/api/projects/{approvals.ProjectId}/paired-leader", new { userId = leader.Id }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        var approvalCase = await approvals.RegisterAsync(await approvals.StartAsync());
        approvalCase = await ActAsync(await approvals.OfficerOfStepAsync("safety"), approvalCase, "safetyAccept", "accept");
        return new ChaseWorld(approvals, approvalCase.Id(), Step(approvalCase, "safety").Id(), head, supervisor, leader);
    }

    public static async Task<TestUser> UserAsync(WebApplicationFactory<Program> app, string kind, string? department, params string[] roles)
    {
        var email = $"{kind}-{Guid.NewGuid():N}@test.local";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, Department = department };
        (await users.CreateAsync(user, DemoAccount.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRolesAsync(user, roles)).Succeeded.ShouldBeTrue();
        return new TestUser(user.Id, email);
    }

    public static Task<ChaseSweepResult> SweepAsync(WebApplicationFactory<Program> app, SettableClock clock) =>
        app.Services.GetRequiredService<ChaseSweep>().RunAsync(clock.GetUtcNow().UtcDateTime);

    public static async Task SweepTimesAsync(WebApplicationFactory<Program> app, SettableClock clock, int times)
    {
        for (var i = 0; i < times; i++) await SweepAsync(app, clock);
    }

    public static async Task<List<ChaseLevel>> ChasesOfAsync(WebApplicationFactory<Program> app, Guid subjectId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ChaseRecord>()
            .Where(c => c.SubjectId == subjectId).OrderBy(c => c.Level).Select(c => c.Level).ToListAsync();
    }

    /// <summary>The kinds of the user's inbox messages about this case, oldest first.</summary>
    /// <summary>The chase's messages to the user about the case (the case's own news, e.g. new tasks, left out).</summary>
    public async Task<List<string>> InboxKindsAsync(WebApplicationFactory<Program> app, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Notification>()
            .Where(n => n.UserId == userId && n.CaseId == CaseId && n.Kind.StartsWith("chase.")).OrderBy(n => n.CreatedAt).Select(n => n.Kind).ToListAsync();
    }

    /// <summary>The chase's e-mails to the address (reminder, overdue, escalated); the case's own news left out.</summary>
    public async Task<int> EmailsToAsync(WebApplicationFactory<Program> app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<OutboxMessage>().CountAsync(m => m.Recipient == email
            && (m.Subject.StartsWith("【提醒】") || m.Subject.StartsWith("【催办】") || m.Subject.StartsWith("【督办】")));
    }

    public async Task<JsonNode> SafetyStepAsync(WebApplicationFactory<Program> app) =>
        Step(await GetCaseAsync(await app.ClientForAsync(Accounts.Admin), CaseId), "safety");
}
