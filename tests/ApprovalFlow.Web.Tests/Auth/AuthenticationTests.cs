using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Auth;

public sealed class AuthenticationTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    public static TheoryData<string> DemoEmails => [.. DemoAccount.All.Select(a => a.Email)];

    [Theory]
    [MemberData(nameof(DemoEmails))]
    public async Task Each_seeded_demo_account_logs_in_with_the_demo_password(string email)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = DemoAccount.Password });

        var login = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        login["tokenType"]!.GetValue<string>().ShouldBe("Bearer");
        login["accessToken"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Each_demo_account_holds_its_role()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var account in DemoAccount.All)
        {
            var user = (await users.FindByEmailAsync(account.Email)).ShouldNotBeNull();
            (await users.GetRolesAsync(user)).ShouldBe([account.Role]);
        }
    }

    [Fact]
    public async Task The_officer_carries_the_natural_resources_department_as_a_claim()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var officer = (await users.FindByEmailAsync("officer@approvalflow.local")).ShouldNotBeNull();

        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(officer);

        officer.Department.ShouldBe("natural-resources");
        principal.FindFirstValue(AppClaimTypes.Department).ShouldBe("natural-resources");
        principal.IsInRole(AppRoles.Officer).ShouldBeTrue();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_problem_details()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login",
            new { email = "admin@approvalflow.local", password = "not-the-password" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("GET", "/api/definitions")]
    [InlineData("POST", "/api/definitions")]
    [InlineData("POST", "/api/instances")]
    [InlineData("GET", "/api/instances/00000000-0000-0000-0000-000000000001")]
    [InlineData("GET", "/api/tasks")]
    [InlineData("POST", "/api/tasks/00000000-0000-0000-0000-000000000001/complete")]
    [InlineData("POST", "/api/messages")]
    public async Task Api_routes_refuse_anonymous_callers_with_problem_details(string method, string uri)
    {
        var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), uri));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_bearer_token_is_refused()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "forged-token");

        await (await client.GetAsync("/api/definitions")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_bearer_token_from_login_opens_the_api()
    {
        var officer = await factory.LoginAsync("officer@approvalflow.local");

        (await officer.GetAsync("/api/definitions")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Self_registration_is_refused()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/register",
            new { email = "stranger@example.org", password = DemoAccount.Password });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("stranger@example.org")).ShouldBeNull();
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_not_found_problem()
    {
        var officer = await factory.LoginAsync("officer@approvalflow.local");

        await (await officer.GetAsync("/api/no-such-thing")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
