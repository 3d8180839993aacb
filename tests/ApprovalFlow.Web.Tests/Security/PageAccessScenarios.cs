using System.Net;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ApprovalFlow.Web.Tests.Security;

/// <summary>
/// The pages refuse a wrong role on the server (not only hide a link), and a page on a case shows nothing of a case its
/// user may not see: each role signs in with the sign-in form's cookie and asks for every page.
/// </summary>
public sealed class PageAccessScenarios(SqliteSecurityFixture fixture) : IClassFixture<SqliteSecurityFixture>
{
    private const string Admin = "admin@approvalflow.local";
    private const string Officer = "officer@approvalflow.local";
    private const string Enterprise = "enterprise2@approvalflow.local";
    private const string Supervisor = "supervisor@approvalflow.local";
    private const string Leader = "leader@approvalflow.local";

    public static TheoryData<string, string, bool> Pages => new()
    {
        { "/designer", Admin, true }, { "/designer", Officer, false }, { "/designer", Enterprise, false }, { "/designer", Supervisor, false },
        { "/designer", Leader, false },
        { "/admin", Admin, true }, { "/admin", Officer, false }, { "/admin", Enterprise, false }, { "/admin", Supervisor, false },
        { "/inbox", Officer, true }, { "/inbox", Admin, false }, { "/inbox", Enterprise, false }, { "/inbox", Supervisor, false },
        { "/portal", Enterprise, true }, { "/portal", Officer, false }, { "/portal", Admin, false }, { "/portal", Leader, false },
        { "/supervision", Supervisor, true }, { "/supervision", Leader, true }, { "/supervision", Admin, true },
        { "/supervision", Officer, false }, { "/supervision", Enterprise, false },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_answers_its_roles_and_sends_every_other_role_to_the_refusal_page(string page, string email, bool allowed)
    {
        var browser = await SignedInAsync(email);
        var response = await browser.GetAsync(page);
        if (allowed)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{email} → {page}");
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{email} → {page}");
            response.Headers.Location!.ToString().ShouldContain("/account/denied");
        }
    }

    /// <summary>
    /// The case page loads its record after the circuit starts (nothing of a case is prerendered), through the same
    /// query it sends in the circuit: <c>GetCaseRecord</c> with the signed-in actor. Another enterprise gets "missing".
    /// </summary>
    [Fact]
    public async Task The_case_pages_record_is_refused_to_another_enterprise_and_given_to_who_may_see_the_case()
    {
        async Task<Ui.Cases.CaseRecord> RecordAsAsync(string email)
        {
            await using var scope = fixture.Factory.Services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
            var roles = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().GetRolesAsync(user!);
            var actor = new Web.Features.Projects.Actor(user!.Id, email, roles.ToHashSet());
            return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new Ui.Cases.GetCaseRecord(actor, fixture.World.CaseA));
        }
        await SignedInAsync(Enterprise);
        await SignedInAsync(Admin);

        (await RecordAsAsync(Admin)).Case.ProjectName.ShouldBe(fixture.World.ProjectNameA);
        var refused = await Should.ThrowAsync<Web.Features.Projects.RefusedException>(() => RecordAsAsync(Enterprise));
        refused.Status.ShouldBe(404);
        refused.Message.ShouldNotContain(fixture.World.ProjectNameA);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var browser = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var account = DemoAccount.Seeded.Single(a => a.Email == email);
        await fixture.Factory.ClientForAsync(account);
        var response = await BrowserSignIn.SignInAsync(browser, email);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{email} signs in");
        return browser;
    }
}
