using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Auth;

/// <summary>
/// Which start creates which accounts: the README's demo (Development on SQLite) its demo accounts and data, any other
/// start none with a known password; the first administrator from the configuration, who must change the password.
/// </summary>
public sealed class AccountSeedingTests : IDisposable
{
    private const string InitialPassword = "Erster#Admin2026";
    private const string ChangedPassword = "Geaendert#Admin2026";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "approvalflow-tests", "seeding-" + Guid.NewGuid().ToString("N"));

    /// <summary>The app as an operator starts it on SQLite: the environment and settings given, no test switches.</summary>
    private sealed class StartedAs(string environment, string folder, IReadOnlyDictionary<string, string?> settings) : WebAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            builder.UseSetting("ApprovalFlow:DataFolder", folder);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }

        protected override void ConfigureDatabase(IWebHostBuilder builder) => builder.UseSetting("Database:Provider", "Sqlite");
    }

    private StartedAs App(string environment, params (string Key, string? Value)[] settings) =>
        new(environment, _folder, settings.ToDictionary(s => s.Key, s => s.Value));

    private static Task<HttpResponseMessage> LoginAsync(WebAppFactory app, string email, string password) =>
        app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password });

    private static async Task<(int Users, int Projects)> CountAsync(WebAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.Users.CountAsync(), await db.Set<Project>().CountAsync());
    }

    [Fact]
    public async Task The_published_app_in_production_on_a_fresh_sqlite_folder_creates_no_account_and_no_demo_data()
    {
        await using var app = App("Production");

        (await CountAsync(app)).ShouldBe((0, 0));
        (await LoginAsync(app, Accounts.Admin.Email, DemoAccount.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_readme_demo_in_development_on_sqlite_has_its_demo_accounts_and_demo_data()
    {
        await using var app = App("Development");

        var (users, projects) = await CountAsync(app);
        users.ShouldBe(DemoAccount.Seeded.Count());
        projects.ShouldBeGreaterThan(0);
        (await LoginAsync(app, Accounts.Admin.Email, DemoAccount.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Demo_data_outside_the_demo_needs_both_switches()
    {
        await using (var dataOnly = App("Production", ("ApprovalFlow:DemoData", "true")))
            (await CountAsync(dataOnly)).ShouldBe((0, 0));
        await using (var accountsOnly = App("Production", ("ApprovalFlow:DemoAccounts", "true")))
        {
            var (users, projects) = await CountAsync(accountsOnly);
            users.ShouldBe(DemoAccount.Seeded.Count());
            projects.ShouldBe(0, "demo data is a switch of its own outside the demo");
        }
    }

    [Fact]
    public async Task A_deleted_demo_account_does_not_come_back_at_the_next_start()
    {
        await using (var first = App("Development", ("ApprovalFlow:DemoData", "false")))
        {
            await using var scope = first.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var leader = (await users.FindByEmailAsync("leader@approvalflow.local")).ShouldNotBeNull();
            (await users.DeleteAsync(leader)).Succeeded.ShouldBeTrue();
        }
        await using var again = App("Development", ("ApprovalFlow:DemoData", "false"));

        (await LoginAsync(again, "leader@approvalflow.local", DemoAccount.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await CountAsync(again)).Users.ShouldBe(DemoAccount.Seeded.Count() - 1);
    }

    [Fact]
    public async Task The_first_administrator_comes_from_the_configuration_and_must_change_the_password_once()
    {
        const string email = "chief@city.example";
        var settings = new[] { ("ApprovalFlow:InitialAdmin:Email", (string?)email), ("ApprovalFlow:InitialAdmin:Password", (string?)InitialPassword) };
        await using (var app = App("Production", settings))
        {
            (await CountAsync(app)).ShouldBe((1, 0));
            var token = (await (await LoginAsync(app, email, InitialPassword)).ShouldHaveStatusAsync(HttpStatusCode.OK))["accessToken"]!.GetValue<string>();
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            var blocked = await (await client.GetAsync("/api/admin/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            blocked["title"]!.GetValue<string>().ShouldBe("请先修改密码");
            (await client.PostAsJsonAsync(AccountApi.PasswordPath, new { currentPassword = InitialPassword, newPassword = ChangedPassword }))
                .StatusCode.ShouldBe(HttpStatusCode.NoContent);

            var admin = await app.LoginAsync(email, ChangedPassword);
            var listed = await admin.GetJsonArrayAsync("/api/admin/users");
            listed.Select(u => u!["email"]!.GetValue<string>()).ShouldBe([email]);
        }

        // A restart with the same configuration neither adds an administrator nor puts the initial password back.
        await using var restarted = App("Production", settings);
        (await CountAsync(restarted)).Users.ShouldBe(1);
        (await LoginAsync(restarted, email, InitialPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(restarted, email, ChangedPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void An_initial_administrator_password_below_the_rules_stops_the_start_naming_the_setting()
    {
        using var app = App("Production", ("ApprovalFlow:InitialAdmin:Email", "chief@city.example"), ("ApprovalFlow:InitialAdmin:Password", "short#1A"));

        var failure = Should.Throw<Exception>(() => app.Services);

        var message = failure is AggregateException aggregate ? string.Join(" ", aggregate.InnerExceptions.Select(e => e.Message)) : failure.Message;
        message.ShouldContain("ApprovalFlow:InitialAdmin:Email");
        message.ShouldContain("PasswordTooShort");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
