using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Projects;

/// <summary>
/// Enterprises, their users and fresh codes for the project scenarios. Every test makes its own, because the
/// database is shared by the tests of a class and servers outside the embedded default seed no demo enterprise.
/// </summary>
public static class ProjectWorld
{
    public static DemoAccount Supervisor => DemoAccount.All.Single(a => a.Role == AppRoles.Supervisor);

    public static DemoAccount Leader => DemoAccount.All.Single(a => a.Role == AppRoles.PairedLeader);

    /// <summary>A GB/T 40058 code no other test uses, issued in Hengshui's 桃城区.</summary>
    public static string NewProjectCode() => ProjectCodeNumbered(Random.Shared.Next(0, 1_000_000));

    /// <summary>The code with serial <paramref name="serial"/> (0 to 999,999): consecutive serials never collide.</summary>
    public static string ProjectCodeNumbered(int serial)
    {
        var body = $"2103131102040{serial:000000}";
        return $"{body[..4]}-{body[4..10]}-{body[10..12]}-{body[12..14]}-{body[14..]}{ProjectCodeCheckDigit.Iso7064Mod11Radix10(body)}";
    }

    public static string NewCreditCode()
    {
        var body = "91131102" + string.Concat(Enumerable.Range(0, 9).Select(_ =>
            UnifiedSocialCreditCode.Characters[Random.Shared.Next(UnifiedSocialCreditCode.Characters.Length)]));
        return body + UnifiedSocialCreditCode.CheckCharacter(body);
    }

    public static async Task<Guid> RegisterEnterpriseAsync(this HttpClient admin, string name)
    {
        var response = await admin.PostAsJsonAsync("/api/enterprises",
            new { name, creditCode = NewCreditCode(), contactName = "王经理", contactPhone = "0318-1234567" });
        var body = await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return body["id"]!.GetValue<Guid>();
    }

    /// <summary>A new user of role Enterprise, assigned to the enterprise through the API, logged in.</summary>
    public static async Task<HttpClient> EnterpriseUserAsync(this WebApplicationFactory<Program> factory, HttpClient admin, Guid enterpriseId)
    {
        var email = $"ent-{Guid.NewGuid():N}@test.local";
        await factory.CreateUserAsync(email, AppRoles.Enterprise);
        var response = await admin.PostAsJsonAsync($"/api/enterprises/{enterpriseId}/users", new { email });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await factory.LoginAsync(email);
    }

    public static async Task<string> CreateUserAsync(this WebApplicationFactory<Program> factory, string email, string role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, DemoAccount.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return user.Id;
    }

    public static async Task<string> UserIdAsync(this WebApplicationFactory<Program> factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    public static async Task<int> ProjectsWithCodeAsync(this WebApplicationFactory<Program> factory, string code)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var parsed = ProjectCode.Parse(code);
        return await db.Set<Project>().CountAsync(p => p.Code == parsed);
    }

    public static object NewProject(string? code = null, string name = "衡水市某物流园项目", Guid? enterpriseId = null) => new
    {
        code = code ?? NewProjectCode(),
        name,
        enterpriseId,
        county = "131102",
        industry = "交通运输、仓储和邮政业",
        totalInvestment = 52000.5m,
        kind = "filed",
    };

    public static Task<HttpResponseMessage> RegisterProjectAsync(this HttpClient client, object project) =>
        client.PostAsJsonAsync("/api/projects", project);

    public static async Task<JsonObject> RegisteredProjectAsync(this HttpClient client, object project) =>
        await (await client.RegisterProjectAsync(project)).ShouldHaveStatusAsync(HttpStatusCode.Created);

    public static Guid Id(this JsonNode? body) => body!["id"]!.GetValue<Guid>();

    public static string Text(this JsonNode? node, string name) => node![name]!.GetValue<string>();
}
