using System.Net;
using System.Text.RegularExpressions;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ApprovalFlow.Web.Tests.UiShell;

/// <summary>The UI's sign-in: the static form sets the Identity cookie, each role lands on its own page, the API keeps its bearer answers.</summary>
public sealed partial class SignInTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password = DemoAccount.Password,
        string? returnUrl = null) => BrowserSignIn.SignInAsync(browser, email, password, returnUrl);

    [Theory]
    [InlineData("officer@approvalflow.local", "/inbox")]
    [InlineData("enterprise@approvalflow.local", "/portal")]
    [InlineData("supervisor@approvalflow.local", "/supervision")]
    [InlineData("leader@approvalflow.local", "/supervision")]
    [InlineData("admin@approvalflow.local", "/designer")]
    public async Task Each_role_lands_on_its_own_start_page(string email, string startPage)
    {
        var response = await SignInAsync(Browser(), email);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery().ShouldBe(startPage);
    }

    [Fact]
    public async Task A_page_asked_for_before_sign_in_sends_the_browser_to_the_sign_in_page_and_back()
    {
        var browser = Browser();
        var anonymous = await browser.GetAsync("/inbox");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.PathAndQuery().ShouldStartWith("/account/login");

        var signedIn = await SignInAsync(browser, "officer@approvalflow.local", returnUrl: "/cases");
        signedIn.Headers.Location!.PathAndQuery().ShouldBe("/cases");
    }

    [Fact]
    public async Task A_wrong_password_stays_on_the_sign_in_page_with_a_message()
    {
        var browser = Browser();
        var response = await SignInAsync(browser, "officer@approvalflow.local", "wrong-password");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"login-error\"");
        (await browser.GetAsync("/inbox")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_signed_in_officer_sees_the_inbox_of_the_department()
    {
        var browser = Browser();
        await SignInAsync(browser, "officer@approvalflow.local");

        var inbox = await browser.GetAsync("/inbox");

        inbox.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await inbox.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"inbox-table\"");
        html.ShouldContain("data-testid=\"nav-inbox\"");
        html.ShouldNotContain("data-testid=\"nav-portal\"");
    }

    [Fact]
    public async Task A_page_of_another_role_is_refused_with_the_not_allowed_page()
    {
        var browser = Browser();
        await SignInAsync(browser, "enterprise@approvalflow.local");

        var response = await browser.GetAsync("/inbox");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery().ShouldStartWith("/account/denied");
    }

    [Fact]
    public async Task The_sign_in_cookie_also_opens_the_api_while_anonymous_api_calls_stay_401()
    {
        var browser = Browser();
        (await browser.GetAsync("/api/my/tasks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await SignInAsync(browser, "officer@approvalflow.local");

        (await browser.GetAsync("/api/my/tasks")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_ui_is_chinese_by_default_and_english_after_the_switch()
    {
        var browser = Browser();
        // Blazor writes non-ASCII text as character references.
        WebUtility.HtmlDecode(await browser.GetStringAsync("/account/login")).ShouldContain("登录");

        var switched = await browser.GetAsync("/account/culture?culture=en&redirectUri=%2Faccount%2Flogin");
        switched.Headers.Location!.PathAndQuery().ShouldBe("/account/login");

        var english = WebUtility.HtmlDecode(await browser.GetStringAsync("/account/login"));
        english.ShouldContain("Sign in");
        english.ShouldNotContain("登录");
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var browser = Browser();
        await SignInAsync(browser, "officer@approvalflow.local");
        var page = await browser.GetStringAsync("/inbox");
        var token = BrowserSignIn.TokenOf(page);

        var signOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        signOut.Headers.Location!.PathAndQuery().ShouldBe("/account/login");
        (await browser.GetAsync("/inbox")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}

internal static class UriPaths
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
