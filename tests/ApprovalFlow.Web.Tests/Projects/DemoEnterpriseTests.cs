using System.Net;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Projects;

/// <summary>The embedded default seeds two demo enterprises with one demo account each.</summary>
public sealed class DemoEnterpriseTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Each_demo_enterprise_account_acts_for_its_own_demo_enterprise()
    {
        var first = await factory.LoginAsync(Accounts.Enterprise.Email);
        var second = await factory.LoginAsync(DemoAccount.SecondEnterprise.Email);

        (await first.GetJsonArrayAsync("/api/enterprises")).Select(e => e.Text("creditCode")).ShouldBe([DemoEnterprise.First.CreditCode]);
        (await second.GetJsonArrayAsync("/api/enterprises")).Select(e => e.Text("creditCode")).ShouldBe([DemoEnterprise.Second.CreditCode]);
    }

    [Fact]
    public async Task The_demo_enterprise_account_can_register_a_project_at_once()
    {
        var enterprise = await factory.LoginAsync(Accounts.Enterprise.Email);

        var project = await enterprise.RegisteredProjectAsync(ProjectWorld.NewProject());

        project.Text("enterpriseName").ShouldBe(DemoEnterprise.First.Name);
        var second = await factory.LoginAsync(DemoAccount.SecondEnterprise.Email);
        await (await second.GetAsync($"/api/projects/{project.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync();

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Set<Enterprise>().CountAsync(e => e.CreditCode == DemoEnterprise.First.CreditCode)).ShouldBe(1);
        (await db.Set<Enterprise>().CountAsync(e => e.CreditCode == DemoEnterprise.Second.CreditCode)).ShouldBe(1);
        (await db.Users.CountAsync(u => u.Email == DemoAccount.SecondEnterprise.Email)).ShouldBe(1);
    }

    [Fact]
    public void The_demo_credit_codes_pass_their_own_check()
    {
        foreach (var demo in DemoEnterprise.All)
        {
            UnifiedSocialCreditCode.TryNormalise(demo.CreditCode, out _, out var error).ShouldBeTrue(error);
        }
    }
}
