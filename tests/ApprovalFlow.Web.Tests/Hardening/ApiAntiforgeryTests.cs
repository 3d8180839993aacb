using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalFlow.Web.Hardening;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ApprovalFlow.Web.Tests.Hardening;

/// <summary>API writes by a caller signed in with the cookie need the antiforgery header; bearer callers do not.</summary>
public sealed class ApiAntiforgeryTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private async Task<HttpClient> CookieClientAsync()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true",
            new { email = Accounts.Enterprise.Email, password = DemoAccount.Password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        return client;
    }

    [Fact]
    public async Task A_cookie_write_without_the_header_or_with_a_forged_one_is_refused_in_chinese()
    {
        var client = await CookieClientAsync();
        (await client.GetAsync("/api/inbox/unread-count")).StatusCode.ShouldBe(HttpStatusCode.OK, "reads need no token");

        var refused = await client.PostAsync("/api/inbox/read-all", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().ShouldBe("缺少防伪令牌");
        problem.GetProperty("detail").GetString()!.ShouldContain(ApiAntiforgery.HeaderName);

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/inbox/read-all");
        forged.Headers.Add(ApiAntiforgery.HeaderName, "not-a-token");
        (await client.SendAsync(forged)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_cookie_write_with_the_token_of_get_api_antiforgery_goes_through()
    {
        var client = await CookieClientAsync();
        var token = await client.GetFromJsonAsync<AntiforgeryTokenResponse>("/api/antiforgery");
        token!.HeaderName.ShouldBe(ApiAntiforgery.HeaderName);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbox/read-all");
        request.Headers.Add(token.HeaderName, token.Token);
        var answer = await client.SendAsync(request);
        answer.IsSuccessStatusCode.ShouldBeTrue(await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_token_taken_by_another_client_does_not_serve_it()
    {
        var mine = await CookieClientAsync();
        var token = (await mine.GetFromJsonAsync<AntiforgeryTokenResponse>("/api/antiforgery"))!;

        var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await other.PostAsJsonAsync("/api/auth/login?useCookies=true",
            new { email = Accounts.Officer.Email, password = DemoAccount.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbox/read-all");
        request.Headers.Add(token.HeaderName, token.Token);
        (await other.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bearer_callers_and_the_anonymous_sign_in_need_no_token()
    {
        var bearer = await app.ClientForAsync(Accounts.Enterprise);
        (await bearer.PostAsync("/api/inbox/read-all", null)).IsSuccessStatusCode.ShouldBeTrue();

        var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = Accounts.Enterprise.Email, password = DemoAccount.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
