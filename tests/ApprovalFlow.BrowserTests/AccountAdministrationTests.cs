using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ApprovalFlow.BrowserTests;

/// <summary>An administrator resets a password and switches an account off on the users tab of the administration page.</summary>
public sealed class AccountAdministrationTests(BrowserWorld world) : BrowserTest(world)
{
    [Fact]
    public Task An_administrator_resets_a_password_and_switches_the_account_off_in_the_users_tab() => ScenarioAsync(async () =>
    {
        var api = await App.ApiAsync("admin@approvalflow.local");
        var email = $"browser-{Guid.NewGuid():N}@test.local";
        const string reset = "Browser#Reset2026";
        (await api.PostAsJsonAsync("/api/admin/users", new { email, password = "Browser#Start2026", roles = new[] { "Supervisor" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var admin = await SignedInAsync("admin@approvalflow.local");
        var page = admin.Page;
        await admin.GoToAsync("/admin");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Tab, new() { Name = "用户和角色" }).ClickAsync();
        await page.Locator("input[data-testid=users-search], [data-testid=users-search] input").First.FillAsync(email);
        await page.GetByTestId($"user-edit-{email}").ClickAsync();
        await page.Locator("input[data-testid=user-reset-password], [data-testid=user-reset-password] input").First.FillAsync(reset);
        await page.GetByTestId("user-reset-password-save").ClickAsync();
        await Expect(page.GetByText("密码已重置，用户下次登录时须修改")).ToBeVisibleAsync();

        using var anonymous = new HttpClient { BaseAddress = new Uri(App.Url("/")) };
        (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = reset })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await page.GetByTestId("user-deactivate").ClickAsync();
        await Expect(page.GetByTestId($"user-locked-{email}")).ToBeVisibleAsync();
        (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = reset })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    });
}
