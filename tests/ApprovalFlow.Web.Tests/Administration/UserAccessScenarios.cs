using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Administration;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Administration;

/// <summary>Users and roles, and the departments with their officers, as administrators manage them (/api/admin).</summary>
public sealed class UserAccessScenarios(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task An_administrator_makes_a_user_an_officer_of_a_department_who_is_then_listed_with_it()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var email = $"new-officer-{Guid.NewGuid():N}@test.local";
        var id = await factory.CreateUserAsync(email, AppRoles.Supervisor);

        var response = await admin.PutAsJsonAsync($"/api/admin/users/{id}/access",
            new { roles = new[] { AppRoles.Officer }, department = "ecology-environment", county = "131102" });

        var user = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        user["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([AppRoles.Officer]);
        user["department"]!.GetValue<string>().ShouldBe("ecology-environment");
        user["county"]!.GetValue<string>().ShouldBe("131102");
        (await RolesAsync(email)).ShouldBe([AppRoles.Officer]);

        var listed = (await admin.GetJsonArrayAsync("/api/admin/users")).Single(u => u!["email"]!.GetValue<string>() == email)!;
        listed["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([AppRoles.Officer]);
        listed["department"]!.GetValue<string>().ShouldBe("ecology-environment");

        var departments = await admin.GetJsonArrayAsync("/api/admin/departments");
        var ecology = departments.Single(d => d!["code"]!.GetValue<string>() == "ecology-environment")!;
        ecology["name"]!.GetValue<string>().ShouldBe("生态环境");
        ecology["officers"]!.AsArray().Select(o => o!["email"]!.GetValue<string>()).ShouldContain(email);
    }

    [Fact]
    public async Task Fields_that_do_not_fit_the_new_roles_are_cleared()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var email = $"moved-{Guid.NewGuid():N}@test.local";
        var id = await factory.CreateUserAsync(email, AppRoles.Officer);
        await (await admin.PutAsJsonAsync($"/api/admin/users/{id}/access",
            new { roles = new[] { AppRoles.Officer }, department = "natural-resources", county = "131103" })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var response = await admin.PutAsJsonAsync($"/api/admin/users/{id}/access",
            new { roles = new[] { AppRoles.Supervisor }, department = "natural-resources", county = "131103" });

        var user = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        user["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe([AppRoles.Supervisor]);
        user["department"].ShouldBeNull();
        user["county"].ShouldBeNull();
        (await RolesAsync(email)).ShouldBe([AppRoles.Supervisor]);
        var natural = (await admin.GetJsonArrayAsync("/api/admin/departments")).Single(d => d!["code"]!.GetValue<string>() == "natural-resources")!;
        natural["officers"]!.AsArray().Select(o => o!["email"]!.GetValue<string>()).ShouldNotContain(email);
    }

    [Fact]
    public async Task An_enterprise_user_is_given_the_enterprise_it_acts_for()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterpriseId = await admin.RegisterEnterpriseAsync("衡水某用户管理测试有限公司");
        var email = $"ent-user-{Guid.NewGuid():N}@test.local";
        var id = await factory.CreateUserAsync(email, AppRoles.Supervisor);

        var response = await admin.PutAsJsonAsync($"/api/admin/users/{id}/access",
            new { roles = new[] { AppRoles.Enterprise }, enterpriseId, county = "131121" });

        var user = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        user["enterpriseId"]!.GetValue<Guid>().ShouldBe(enterpriseId);
        user["enterpriseName"]!.GetValue<string>().ShouldBe("衡水某用户管理测试有限公司");
        var enterprise = await factory.LoginAsync(email);
        (await enterprise.GetJsonArrayAsync("/api/enterprises")).Select(e => e!["id"]!.GetValue<Guid>()).ShouldBe([enterpriseId]);
    }

    [Fact]
    public async Task Missing_and_unknown_fields_are_refused_by_name_and_nothing_changes()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var email = $"refused-{Guid.NewGuid():N}@test.local";
        var id = await factory.CreateUserAsync(email, AppRoles.Supervisor);

        var officerWithout = await (await admin.PutAsJsonAsync($"/api/admin/users/{id}/access",
            new { roles = new[] { AppRoles.Officer }, county = "999999" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var enterpriseWithout = await (await admin.PutAsJsonAsync($"/api/admin/users/{id}/access",
            new { roles = new[] { AppRoles.Enterprise } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var unknown = await (await admin.PutAsJsonAsync($"/api/admin/users/{id}/access",
            new { roles = new[] { "Mayor" } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var mixed = await (await admin.PutAsJsonAsync($"/api/admin/users/{id}/access",
            new { roles = new[] { AppRoles.Enterprise, AppRoles.Officer }, department = "natural-resources", enterpriseId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        officerWithout["errors"]!.AsObject().Select(e => e.Key).Order().ShouldBe(["county", "department"]);
        enterpriseWithout["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["enterpriseId"]);
        unknown["errors"]!["roles"]![0]!.GetValue<string>().ShouldContain("Mayor");
        mixed["errors"]!.AsObject().Select(e => e.Key).ShouldContain("roles");
        (await RolesAsync(email)).ShouldBe([AppRoles.Supervisor]);
    }

    [Fact]
    public async Task An_administrator_cannot_take_the_administrator_role_from_themselves()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var adminId = await factory.UserIdAsync(Accounts.Admin.Email);

        var response = await admin.PutAsJsonAsync($"/api/admin/users/{adminId}/access", new { roles = new[] { AppRoles.Supervisor } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["roles"]![0]!.GetValue<string>().ShouldContain("不能撤销自己的管理员角色");
        (await RolesAsync(Accounts.Admin.Email)).ShouldContain(AppRoles.Administrator);
    }

    [Fact]
    public async Task A_department_a_workflow_or_officer_uses_beyond_the_named_ones_is_listed_by_its_code()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var id = await factory.CreateUserAsync($"tax-{Guid.NewGuid():N}@test.local", AppRoles.Officer);
        await (await admin.PutAsJsonAsync($"/api/admin/users/{id}/access",
            new { roles = new[] { AppRoles.Officer }, department = "taxation" })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var departments = await admin.GetJsonArrayAsync("/api/admin/departments");

        var codes = departments.Select(d => d!["code"]!.GetValue<string>()).ToList();
        codes.Take(Departments.Named.Count).ShouldBe(Departments.Named.Select(d => d.Code));
        var taxation = departments.Single(d => d!["code"]!.GetValue<string>() == "taxation")!;
        taxation["named"]!.GetValue<bool>().ShouldBeFalse();
        taxation["name"].ShouldBeNull();
        taxation["officers"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Only_administrators_manage_users_and_enterprises_do_not_see_departments()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var supervisor = await factory.ClientForAsync(ProjectWorld.Supervisor);
        var enterprise = await factory.EnterpriseUserAsync(admin, await admin.RegisterEnterpriseAsync("衡水某部门可见性测试有限公司"));
        var id = await factory.CreateUserAsync($"target-{Guid.NewGuid():N}@test.local", AppRoles.Supervisor);

        (await supervisor.GetAsync("/api/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await supervisor.PutAsJsonAsync($"/api/admin/users/{id}/access", new { roles = new[] { AppRoles.Administrator } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await enterprise.GetAsync("/api/admin/departments")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await supervisor.GetAsync("/api/admin/departments")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_handlers_themselves_refuse_a_caller_who_is_not_an_administrator()
    {
        // Pages call the handlers in-process, past the endpoints' role gates.
        var supervisorId = await factory.UserIdAsync(ProjectWorld.Supervisor.Email);
        var supervisor = new Actor(supervisorId, ProjectWorld.Supervisor.Email, new HashSet<string> { AppRoles.Supervisor });
        var enterprise = new Actor("someone", "someone@test.local", new HashSet<string> { AppRoles.Enterprise });
        await using var scope = factory.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();

        (await Should.ThrowAsync<RefusedException>(async () => await sender.Send(new ListUsers(supervisor)))).Status.ShouldBe(403);
        (await Should.ThrowAsync<RefusedException>(async () =>
            await sender.Send(new SetUserAccess(supervisor, supervisorId, [AppRoles.Administrator], null, null, null)))).Status.ShouldBe(403);
        (await Should.ThrowAsync<RefusedException>(async () => await sender.Send(new ListDepartments(enterprise)))).Status.ShouldBe(403);
        (await RolesAsync(ProjectWorld.Supervisor.Email)).ShouldBe([AppRoles.Supervisor]);
    }

    private async Task<string[]> RolesAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return [.. (await users.GetRolesAsync((await users.FindByEmailAsync(email))!)).Order(StringComparer.Ordinal)];
    }
}
