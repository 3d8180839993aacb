using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Auth;

/// <summary>
/// Sign-in over HTTP against guessing: failures per account and address, requests per address (ASP.NET Core rate
/// limiting), a short lockout, each refusal a ProblemDetails in Chinese (English when chosen).
/// </summary>
public sealed class SignInLimitTests : IAsyncLifetime
{
    private readonly List<WebAppFactory> _factories = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var factory in _factories) await factory.DisposeAsync();
    }

    private WebAppFactory App(params (string Key, string Value)[] settings)
    {
        var factory = new WebAppFactory();
        foreach (var (key, value) in settings) factory.Settings[key] = value;
        _factories.Add(factory);
        return factory;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });

    [Fact]
    public async Task After_five_failures_the_account_is_refused_from_that_address_with_a_chinese_429_even_with_the_right_password()
    {
        var app = App();
        var client = app.CreateClient();
        var officer = Accounts.Officer.Email;

        for (var i = 0; i < 5; i++)
            await (await LoginAsync(client, officer, "Wrong#Password1")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var refused = await LoginAsync(client, officer, DemoAccount.Password);

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem["title"]!.GetValue<string>().ShouldBe("登录尝试过于频繁");
        problem["detail"]!.GetValue<string>().ShouldContain("分钟后再试");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        // Another account from the same address signs in as usual: one account's failures block nobody else.
        (await LoginAsync(client, Accounts.Admin.Email, DemoAccount.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_refusal_is_in_english_when_english_is_chosen()
    {
        var app = App(("SignIn:FailuresPerAccountAndAddress", "1"));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        await (await LoginAsync(client, Accounts.Officer.Email, "Wrong#Password1")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var problem = await (await LoginAsync(client, Accounts.Officer.Email, "Wrong#Password1")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);

        problem["title"]!.GetValue<string>().ShouldBe("Too many sign-in attempts");
    }

    [Fact]
    public async Task Sign_in_requests_from_one_address_are_rate_limited_with_a_chinese_problem()
    {
        var app = App(("SignIn:PermitsPerAddressPerMinute", "3"));
        var client = app.CreateClient();

        (await LoginAsync(client, Accounts.Admin.Email, DemoAccount.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LoginAsync(client, Accounts.Officer.Email, DemoAccount.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LoginAsync(client, "nobody@approvalflow.local", "Wrong#Password1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var limited = await LoginAsync(client, Accounts.Enterprise.Email, DemoAccount.Password);

        var problem = await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem["title"]!.GetValue<string>().ShouldBe("登录尝试过于频繁");
        limited.Headers.RetryAfter.ShouldNotBeNull();
        // The sign-in page's form counts against the same address; other requests do not.
        (await SignInForm.PostAsync(SignInForm.Browser(app), Accounts.Admin.Email, DemoAccount.Password)).StatusCode
            .ShouldBe(HttpStatusCode.TooManyRequests);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/account/login")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_sign_in_page_stops_an_account_after_its_failures_with_a_chinese_message()
    {
        var app = App(("SignIn:FailuresPerAccountAndAddress", "2"));
        var browser = SignInForm.Browser(app);

        for (var i = 0; i < 2; i++)
            WebUtility.HtmlDecode(await (await SignInForm.PostAsync(browser, Accounts.Officer.Email, "Wrong#Password1")).Content.ReadAsStringAsync())
                .ShouldContain("邮箱或密码不正确");
        var stopped = await SignInForm.PostAsync(browser, Accounts.Officer.Email, DemoAccount.Password);

        stopped.StatusCode.ShouldBe(HttpStatusCode.OK, "the page stays, with its message, instead of signing in");
        WebUtility.HtmlDecode(await stopped.Content.ReadAsStringAsync()).ShouldContain("登录尝试次数过多");
        (await browser.GetAsync("/inbox")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in");
    }

    [Fact]
    public async Task Lockout_after_the_failures_lasts_the_short_back_off_and_not_longer()
    {
        var app = App(("SignIn:FailuresPerAccountAndAddress", "100"), ("SignIn:LockoutFailures", "3"), ("SignIn:LockoutMinutes", "1"));
        var client = app.CreateClient();
        var before = DateTimeOffset.UtcNow;

        for (var i = 0; i < 3; i++) await LoginAsync(client, Accounts.Officer.Email, "Wrong#Password1");
        var locked = await LoginAsync(client, Accounts.Officer.Email, DemoAccount.Password);

        (await locked.ShouldBeProblemAsync(HttpStatusCode.Unauthorized))["detail"]!.GetValue<string>().ShouldBe("LockedOut");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var officer = (await users.FindByEmailAsync(Accounts.Officer.Email)).ShouldNotBeNull();
        officer.LockoutEnd.ShouldNotBeNull();
        officer.LockoutEnd!.Value.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddMinutes(1).AddSeconds(5));
        officer.LockoutEnd!.Value.ShouldBeGreaterThan(before);
    }

    [Fact]
    public async Task Passwords_need_twelve_characters_with_upper_and_lower_case_a_digit_and_a_symbol_and_the_demo_password_passes()
    {
        var app = App();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var someone = new AppUser { UserName = "policy@test.local", Email = "policy@test.local" };

        async Task<List<string>> CodesAsync(string password)
        {
            var codes = new List<string>();
            foreach (var validator in users.PasswordValidators)
                codes.AddRange((await validator.ValidateAsync(users, someone, password)).Errors.Select(e => e.Code));
            return codes;
        }

        DemoAccount.Password.Length.ShouldBe(17);
        (await CodesAsync(DemoAccount.Password)).ShouldBeEmpty();
        (await CodesAsync("Short#Pw123")).ShouldBe(["PasswordTooShort"]);
        (await CodesAsync("alllowercase#2026")).ShouldBe(["PasswordRequiresUpper"]);
        (await CodesAsync("ALLUPPERCASE#2026")).ShouldBe(["PasswordRequiresLower"]);
        (await CodesAsync("NoDigitsHere#Ok")).ShouldBe(["PasswordRequiresDigit"]);
        (await CodesAsync("NoSymbolHere2026")).ShouldBe(["PasswordRequiresNonAlphanumeric"]);
    }

    [Fact]
    public async Task An_administrator_is_told_in_chinese_why_an_initial_password_is_too_weak()
    {
        var app = App();
        var admin = await app.ClientForAsync(Accounts.Admin);

        var problem = await (await admin.PostAsJsonAsync("/api/admin/users",
            new { email = $"weak-{Guid.NewGuid():N}@test.local", password = "Kurz#2026", roles = new[] { AppRoles.Supervisor } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!["password"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe(["密码至少 12 个字符。"]);
    }
}
