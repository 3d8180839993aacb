using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Projects;

/// <summary>Recording enterprises and their users over HTTP; run once per database.</summary>
public abstract class EnterpriseScenarios(WebAppFactory factory)
{
    [Fact]
    public async Task An_administrator_records_an_enterprise_with_a_checked_credit_code()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var creditCode = ProjectWorld.NewCreditCode();

        var response = await admin.PostAsJsonAsync("/api/enterprises",
            new { name = "衡水某建设集团有限公司", creditCode = creditCode.ToLowerInvariant(), contactName = "赵经理", contactPhone = "0318-7654321" });
        var enterprise = await response.ShouldHaveStatusAsync(HttpStatusCode.Created);

        enterprise.Text("creditCode").ShouldBe(creditCode);
        response.Headers.Location!.ToString().ShouldEndWith($"/api/enterprises/{enterprise.Id()}");
        var duplicate = await (await admin.PostAsJsonAsync("/api/enterprises",
            new { name = "同码公司", creditCode, contactName = "钱经理", contactPhone = "0318-1" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        duplicate.Text("detail").ShouldContain(creditCode);
    }

    [Fact]
    public async Task A_bad_credit_code_and_missing_contact_are_refused_naming_the_fields()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);

        var problem = await (await admin.PostAsJsonAsync("/api/enterprises",
            new { name = "某公司", creditCode = "91350100M000100Y4A", contactName = "", contactPhone = "call me" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["creditCode", "contactName", "contactPhone"], ignoreOrder: true);
        errors["creditCode"]![0]!.GetValue<string>().ShouldContain("校验码");
    }

    [Fact]
    public async Task Only_administrators_record_enterprises_or_assign_their_users()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterpriseId = await admin.RegisterEnterpriseAsync("某实业有限公司");
        foreach (var account in new[] { Accounts.Officer, Accounts.Enterprise, ProjectWorld.Supervisor })
        {
            var client = await factory.ClientForAsync(account);
            await (await client.PostAsJsonAsync("/api/enterprises",
                new { name = "x", creditCode = ProjectWorld.NewCreditCode(), contactName = "x", contactPhone = "1" }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsJsonAsync($"/api/enterprises/{enterpriseId}/users", new { email = account.Email }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task An_enterprise_user_sees_only_its_own_enterprise()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var ownId = await admin.RegisterEnterpriseAsync("自家公司");
        var otherId = await admin.RegisterEnterpriseAsync("别家公司");
        var enterprise = await factory.EnterpriseUserAsync(admin, ownId);

        (await enterprise.GetJsonArrayAsync("/api/enterprises")).Select(e => e!["id"]!.GetValue<Guid>()).ShouldBe([ownId]);
        await (await enterprise.GetAsync($"/api/enterprises/{ownId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await enterprise.GetAsync($"/api/enterprises/{otherId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var officer = await factory.ClientForAsync(Accounts.Officer);
        (await officer.GetJsonArrayAsync("/api/enterprises")).Select(e => e!["id"]!.GetValue<Guid>()).ShouldContain(otherId);
    }

    [Fact]
    public async Task Only_users_of_role_enterprise_can_act_for_an_enterprise()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterpriseId = await admin.RegisterEnterpriseAsync("某科技有限公司");
        await factory.ClientForAsync(Accounts.Officer);

        await (await admin.PostAsJsonAsync($"/api/enterprises/{enterpriseId}/users", new { email = Accounts.Officer.Email }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var unknown = await (await admin.PostAsJsonAsync($"/api/enterprises/{enterpriseId}/users", new { email = "nobody@test.local" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        unknown["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["email"]);
        await (await admin.PostAsJsonAsync($"/api/enterprises/{Guid.NewGuid()}/users", new { email = Accounts.Officer.Email }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class EnterprisesOnSqlite(WebAppFactory factory)
    : EnterpriseScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class EnterprisesOnPostgres(PostgresWebAppFactory factory)
    : EnterpriseScenarios(factory), IClassFixture<PostgresWebAppFactory>;
