using ApprovalFlow.BrowserTests.Infrastructure;
using ApprovalFlow.Web.Identity;
using static Microsoft.Playwright.Assertions;

namespace ApprovalFlow.BrowserTests;

public sealed class SignInTests(BrowserWorld world) : BrowserTest(world)
{
    [Fact]
    public Task Each_role_lands_on_its_own_start_page() => ScenarioAsync(async () =>
    {
        var browser = await OpenAsync("everyone");
        (string Email, string StartPage)[] roles =
        [
            ("officer@approvalflow.local", "/inbox"),
            ("enterprise@approvalflow.local", "/portal"),
            ("supervisor@approvalflow.local", "/supervision"),
            ("leader@approvalflow.local", "/supervision"),
            ("admin@approvalflow.local", "/designer"),
        ];
        foreach (var (email, startPage) in roles)
        {
            await browser.SignInAsync(email);
            await browser.ExpectPathAsync(startPage);
            await Expect(browser.Page.GetByTestId("signed-in-user")).ToHaveTextAsync(email);

            await browser.Page.GetByTestId("sign-out").ClickAsync();
            await browser.ExpectPathAsync("/account/login");
        }
    });

    [Fact]
    public Task A_wrong_password_is_refused_on_the_sign_in_page() => ScenarioAsync(async () =>
    {
        var browser = await OpenAsync("stranger");
        await browser.Page.GotoAsync(browser.Url("/account/login"));
        await browser.Page.GetByTestId("login-email").FillAsync("officer@approvalflow.local");
        await browser.Page.GetByTestId("login-password").FillAsync("not-the-password");
        await browser.Page.GetByTestId("login-submit").ClickAsync();

        await Expect(browser.Page.GetByTestId("login-error")).ToHaveTextAsync("邮箱或密码不正确。");
        await browser.ExpectPathAsync("/account/login");
    });

    [Fact]
    public Task The_UI_is_in_Chinese_by_default_and_switches_to_English() => ScenarioAsync(async () =>
    {
        // The browser asks for English first: only the switch chooses the language, never the browser.
        var browser = await OpenAsync("officer");
        await browser.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Accept-Language"] = "en-US,en;q=0.9" });
        var page = browser.Page;

        await page.GotoAsync(browser.Url("/account/login"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.GetByTestId("login-submit")).ToHaveTextAsync("登录");

        await page.GetByTestId("culture-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByTestId("login-submit")).ToHaveTextAsync("Sign in");

        // The choice outlives the sign-in: the officer's inbox comes in English, and switches back to Chinese.
        await browser.SignInAsync(DemoAccount.All.Single(a => a.Role == AppRoles.Officer).Email);
        await browser.ExpectPathAsync("/inbox");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByTestId("sign-out")).ToHaveAttributeAsync("title", "Sign out");

        await page.GetByTestId("culture-switch").ClickAsync();
        await browser.ExpectPathAsync("/inbox");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.GetByTestId("sign-out")).ToHaveAttributeAsync("title", "退出");
    });
}
