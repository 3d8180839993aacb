using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Account;
using ApprovalFlow.Web.Features.Administration;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Administration;

/// <summary>
/// Administrators reset passwords and switch accounts off, over HTTP; a switched-off account neither signs in nor uses a
/// token it holds; a reset password must be changed before anything else. Run once per database.
/// </summary>
public abstract class AccountLifecycleScenarios(WebAppFactory factory)
{
    private const string NewPassword = "Chongzhi#2026ab";
    private const string OwnPassword = "Ziji#Mima2026cd";

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });

    private async Task<HttpClient> BearerAsync(string email, string password)
    {
        var response = await LoginAsync(factory.CreateClient(), email, password);
        var token = (await response.ShouldHaveStatusAsync(HttpStatusCode.OK))["accessToken"]!.GetValue<string>();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<AuditEntry[]> AuditOfAsync(string action, string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == action && e.SubjectId == userId).ToArrayAsync();
    }

    [Fact]
    public async Task A_switched_off_account_cannot_sign_in_and_its_token_and_cookie_stop_working_until_switched_on()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var email = $"off-{Guid.NewGuid():N}@test.local";
        var id = await factory.CreateUserAsync(email, AppRoles.Supervisor);
        var token = await BearerAsync(email, DemoAccount.Password);
        var browser = SignInForm.Browser(factory);
        (await SignInForm.PostAsync(browser, email, DemoAccount.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await token.GetAsync("/api/projects")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/supervision")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var off = await (await admin.PostAsJsonAsync($"/api/admin/users/{id}/active", new { active = false })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        off["active"]!.GetValue<bool>().ShouldBeFalse();
        var refused = await (await token.GetAsync("/api/projects")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        refused["title"]!.GetValue<string>().ShouldBe("登录已失效");
        (await LoginAsync(factory.CreateClient(), email, DemoAccount.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await browser.GetAsync("/supervision");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldContain("/account/login");
        (await AuditOfAsync(nameof(SetUserActive), id)).Select(e => e.Outcome).ShouldBe([AuditOutcome.Succeeded]);

        var on = await (await admin.PostAsJsonAsync($"/api/admin/users/{id}/active", new { active = true })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        on["active"]!.GetValue<bool>().ShouldBeTrue();
        var again = await BearerAsync(email, DemoAccount.Password);
        (await again.GetAsync("/api/projects")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrator_cannot_switch_themselves_off_and_others_cannot_switch_anyone_off()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var adminId = await factory.UserIdAsync(Accounts.Admin.Email);
        var officer = await factory.ClientForAsync(Accounts.Officer);

        var self = await (await admin.PostAsJsonAsync($"/api/admin/users/{adminId}/active", new { active = false })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        self["detail"]!.GetValue<string>().ShouldContain("不能停用自己的账户");
        (await officer.PostAsJsonAsync($"/api/admin/users/{adminId}/active", new { active = false })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PostAsJsonAsync($"/api/admin/users/{adminId}/password", new { password = NewPassword })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await admin.PostAsJsonAsync("/api/admin/users/no-such-user/active", new { active = false })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await admin.GetAsync("/api/definitions")).StatusCode.ShouldBe(HttpStatusCode.OK, "the refused administrator is still signed in");
    }

    [Fact]
    public async Task A_reset_password_ends_the_old_sign_in_and_must_be_changed_before_anything_else()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var email = $"reset-{Guid.NewGuid():N}@test.local";
        var id = await factory.CreateUserAsync(email, AppRoles.Supervisor);
        var before = await BearerAsync(email, DemoAccount.Password);

        var weak = await (await admin.PostAsJsonAsync($"/api/admin/users/{id}/password", new { password = "kurz" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        weak["errors"]!["password"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldContain("密码至少 12 个字符。");
        var reset = await (await admin.PostAsJsonAsync($"/api/admin/users/{id}/password", new { password = NewPassword })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        reset["mustChangePassword"]!.GetValue<bool>().ShouldBeTrue();

        (await before.GetAsync("/api/projects")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(factory.CreateClient(), email, DemoAccount.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var afterReset = await BearerAsync(email, NewPassword);
        var blocked = await (await afterReset.GetAsync("/api/projects")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        blocked["title"]!.GetValue<string>().ShouldBe("请先修改密码");

        var wrong = await (await afterReset.PostAsJsonAsync(AccountApi.PasswordPath, new { currentPassword = "Falsch#2026xyz", newPassword = OwnPassword }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        wrong["errors"]!["currentPassword"].ShouldNotBeNull();
        (await afterReset.PostAsJsonAsync(AccountApi.PasswordPath, new { currentPassword = NewPassword, newPassword = OwnPassword }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await afterReset.GetAsync("/api/projects")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the change ends the token it was made with");
        var changed = await BearerAsync(email, OwnPassword);
        (await changed.GetAsync("/api/projects")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var audited = (await AuditOfAsync(nameof(ResetUserPassword), id)).Where(e => e.Outcome == AuditOutcome.Succeeded).ShouldHaveSingleItem();
        audited.Data.ShouldNotContain(NewPassword);
        var ownChange = (await AuditOfAsync(nameof(ChangeOwnPassword), id)).Where(e => e.Outcome == AuditOutcome.Succeeded).ShouldHaveSingleItem();
        ownChange.Data.ShouldNotContain(OwnPassword);
        ownChange.Data.ShouldNotContain(NewPassword);
    }

    [Fact]
    public async Task An_administrator_changes_their_own_password_themselves_not_by_reset()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var adminId = await factory.UserIdAsync(Accounts.Admin.Email);

        var refused = await (await admin.PostAsJsonAsync($"/api/admin/users/{adminId}/password", new { password = NewPassword }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        refused["detail"]!.GetValue<string>().ShouldContain("修改密码");
        (await LoginAsync(factory.CreateClient(), Accounts.Admin.Email, DemoAccount.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_sign_in_page_sends_an_account_that_must_change_its_password_to_the_change_page()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var email = $"page-{Guid.NewGuid():N}@test.local";
        var id = await factory.CreateUserAsync(email, AppRoles.Supervisor);
        await (await admin.PostAsJsonAsync($"/api/admin/users/{id}/password", new { password = NewPassword })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var browser = SignInForm.Browser(factory);

        var signedIn = await SignInForm.PostAsync(browser, email, NewPassword);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldEndWith("/account/password");
        var elsewhere = await browser.GetAsync("/supervision");
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        elsewhere.Headers.Location!.OriginalString.ShouldEndWith("/account/password");
        var page = await browser.GetAsync("/account/password");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"must-change-note\"");
    }
}

public sealed class AccountLifecycleOnSqlite(WebAppFactory factory)
    : AccountLifecycleScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class AccountLifecycleOnPostgres(PostgresWebAppFactory factory)
    : AccountLifecycleScenarios(factory), IClassFixture<PostgresWebAppFactory>;
