using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Audit;

public sealed class AuditApiTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static DemoAccount Supervisor => DemoAccount.All.Single(a => a.Role == AppRoles.Supervisor);

    [Theory]
    [InlineData("/api/audit/verify")]
    [InlineData("/api/audit")]
    public async Task An_enterprise_is_forbidden_to_read_or_verify_the_audit_log(string uri)
    {
        var enterprise = await factory.ClientForAsync(Accounts.Enterprise);

        var response = await enterprise.GetAsync(uri);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_officer_cannot_ping_and_an_anonymous_caller_is_not_let_in()
    {
        var officer = await factory.ClientForAsync(Accounts.Officer);
        (await officer.PostAsJsonAsync("/api/audit/ping", new { note = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.CreateClient().GetAsync("/api/audit/verify")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_supervisor_verifies_the_chain_and_sees_its_head()
    {
        var supervisor = await factory.ClientForAsync(Supervisor);
        await (await factory.ClientForAsync(Accounts.Admin)).PostAsJsonAsync("/api/audit/ping", new { note = "head" });

        var body = await (await supervisor.GetAsync("/api/audit/verify")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        body["intact"]!.GetValue<bool>().ShouldBeTrue();
        body["count"]!.GetValue<long>().ShouldBeGreaterThan(0);
        body["headHash"]!.GetValue<string>().ShouldMatch("^[0-9a-f]{64}$");
        body["firstBrokenLink"].ShouldBeNull();
    }

    [Fact]
    public async Task Entries_of_one_subject_are_listed_newest_first_with_who_acted()
    {
        var supervisor = await factory.ClientForAsync(Supervisor);
        var marker = Guid.NewGuid().ToString("N");
        (await supervisor.PostAsJsonAsync("/api/audit/ping", new { note = marker + " 1" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await supervisor.PostAsJsonAsync("/api/audit/ping", new { note = marker + " 2" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var page = await (await supervisor.GetAsync("/api/audit?subjectType=audit&page=1")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        page["page"]!.GetValue<int>().ShouldBe(1);
        page["pageSize"]!.GetValue<int>().ShouldBe(50);
        page["total"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(2);
        var items = page["items"]!.AsArray();
        items.ShouldAllBe(i => i!["subjectType"]!.GetValue<string>() == "audit");
        var newest = items[0]!;
        newest["data"]!.GetValue<string>().ShouldContain(marker + " 2");
        newest["actor"]!.GetValue<string>().ShouldBe(Supervisor.Email);
        newest["actorRoles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([AppRoles.Supervisor]);
        newest["outcome"]!.GetValue<string>().ShouldBe("succeeded");
        newest["at"]!.GetValue<string>().ShouldEndWith("Z");
        items[1]!["data"]!.GetValue<string>().ShouldContain(marker + " 1");
        items[0]!["previousHash"]!.GetValue<string>().ShouldBe(items[1]!["hash"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_page_below_one_or_an_id_without_its_type_is_a_bad_field()
    {
        var supervisor = await factory.ClientForAsync(Supervisor);

        var page = await (await supervisor.GetAsync("/api/audit?page=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        page["errors"]!["page"].ShouldNotBeNull();
        var subject = await (await supervisor.GetAsync("/api/audit?subjectId=42")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        subject["errors"]!["subjectType"].ShouldNotBeNull();
    }
}
