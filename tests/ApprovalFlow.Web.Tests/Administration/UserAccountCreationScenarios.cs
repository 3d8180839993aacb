using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Administration;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Administration;

/// <summary>Administrators open accounts (开设账户) through <c>POST /api/admin/users</c>; everyone else is refused.</summary>
public abstract class UserAccountCreationScenarios(WebAppFactory factory)
{
    private const string Password = "Kaihu#2026xyz";

    [Fact]
    public async Task An_administrator_opens_an_officer_account_who_signs_in_and_sees_the_departments_tasks()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var email = $"opened-{Guid.NewGuid():N}@test.local";

        var response = await admin.PostAsJsonAsync("/api/admin/users",
            new { email, password = Password, roles = new[] { AppRoles.Officer }, department = "natural-resources", county = "131102" });

        var user = await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        user["email"]!.GetValue<string>().ShouldBe(email);
        user["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([AppRoles.Officer]);
        user["department"]!.GetValue<string>().ShouldBe("natural-resources");
        user["county"]!.GetValue<string>().ShouldBe("131102");
        (await admin.GetJsonArrayAsync("/api/admin/users")).Select(u => u!["email"]!.GetValue<string>()).ShouldContain(email);

        await admin.DeployAsync("land-review");
        var instanceId = await admin.StartAsync("land-review");
        var officer = await factory.LoginAsync(email, Password);
        var tasks = await officer.GetJsonArrayAsync("/api/tasks?candidateGroup=natural-resources");
        var task = tasks.Single(t => t!["instanceId"]!.GetValue<Guid>() == instanceId)!;
        task["candidateGroups"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldBe(["natural-resources"]);
    }

    [Fact]
    public async Task An_email_that_is_taken_is_a_conflict()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var email = $"taken-{Guid.NewGuid():N}@test.local";
        await factory.CreateUserAsync(email, AppRoles.Supervisor);

        var response = await admin.PostAsJsonAsync("/api/admin/users",
            new { email = email.ToUpperInvariant(), password = Password, roles = new[] { AppRoles.Supervisor } });

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>().ShouldContain("已有账户");
        (await CountAsync(email)).ShouldBe(1);
    }

    [Fact]
    public async Task A_weak_password_and_a_bad_email_are_refused_by_name_and_nothing_is_created()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var email = $"weak-{Guid.NewGuid():N}@test.local";

        var weak = await (await admin.PostAsJsonAsync("/api/admin/users",
            new { email, password = "abc", roles = new[] { AppRoles.Supervisor } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var badEmail = await (await admin.PostAsJsonAsync("/api/admin/users",
            new { email = "not an address", password = Password, roles = new[] { AppRoles.Officer } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        weak["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["password"]);
        badEmail["errors"]!.AsObject().Select(e => e.Key).Order().ShouldBe(["department", "email"]);
        (await CountAsync(email)).ShouldBe(0);
    }

    [Fact]
    public async Task A_caller_who_is_not_an_administrator_is_refused_and_nothing_is_created()
    {
        var supervisor = await factory.ClientForAsync(ProjectWorld.Supervisor);
        var officer = await factory.ClientForAsync(Accounts.Officer);
        var email = $"usurped-{Guid.NewGuid():N}@test.local";
        var body = new { email, password = Password, roles = new[] { AppRoles.Administrator } };

        (await supervisor.PostAsJsonAsync("/api/admin/users", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PostAsJsonAsync("/api/admin/users", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Pages call the handler in-process, past the endpoint's role gate.
        var actor = new Actor(await factory.UserIdAsync(ProjectWorld.Supervisor.Email), ProjectWorld.Supervisor.Email,
            new HashSet<string> { AppRoles.Supervisor });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            (await Should.ThrowAsync<RefusedException>(async () =>
                await sender.Send(new CreateUserAccount(actor, email, Password, [AppRoles.Administrator], null, null, null)))).Status.ShouldBe(403);
        }
        (await CountAsync(email)).ShouldBe(0);
    }

    [Fact]
    public async Task The_audit_entry_of_the_creation_does_not_hold_the_password()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var email = $"audited-{Guid.NewGuid():N}@test.local";
        const string secret = "Geheim#Kaihu42";

        await (await admin.PostAsJsonAsync("/api/admin/users", new { email, password = secret, roles = new[] { AppRoles.Supervisor } }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Action == nameof(CreateUserAccount) && e.SubjectId == email);
        entry.Outcome.ShouldBe(AuditOutcome.Succeeded);
        entry.SubjectType.ShouldBe("user");
        entry.Actor.ShouldBe(Accounts.Admin.Email);
        entry.Data.ShouldContain(email);
        entry.Data.ShouldNotContain(secret);
        entry.Data.ShouldNotContain("Kaihu42");
    }

    private async Task<int> CountAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var normalized = users.NormalizeEmail(email);
        return await users.Users.CountAsync(u => u.NormalizedEmail == normalized);
    }
}

public sealed class UserAccountCreationOnSqlite(WebAppFactory factory)
    : UserAccountCreationScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class UserAccountCreationOnPostgres(PostgresWebAppFactory factory)
    : UserAccountCreationScenarios(factory), IClassFixture<PostgresWebAppFactory>;
