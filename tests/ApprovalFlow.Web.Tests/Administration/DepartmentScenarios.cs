using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Administration;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Administration;

/// <summary>Departments (部门) as data: seeded at start, added, renamed and taken out of use by administrators (/api/admin/departments).</summary>
public abstract class DepartmentScenarios(WebApplicationFactory<Program> factory)
{
    [Fact]
    public async Task The_seven_seeded_departments_are_in_the_table_and_listed_first()
    {
        var stored = await StoredAsync();
        foreach (var seeded in Departments.Named)
        {
            var row = stored.Single(d => d.Code == seeded.Code);
            (row.Name, row.NameEn).ShouldBe((seeded.Name, seeded.NameEn));
        }

        var admin = await factory.ClientForAsync(Accounts.Admin);
        var listed = await admin.GetJsonArrayAsync("/api/admin/departments");
        listed.Take(Departments.Named.Count).Select(d => d!["code"]!.GetValue<string>()).ShouldBe(Departments.Named.Select(d => d.Code));
        listed.Take(Departments.Named.Count).ShouldAllBe(d => d!["named"]!.GetValue<bool>() && d["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_administrator_adds_a_department_which_is_then_listed_and_active()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var code = NewCode();

        var response = await admin.PostAsJsonAsync("/api/admin/departments", new { code, name = "税务", nameEn = "Taxation" });

        var saved = await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        saved["code"]!.GetValue<string>().ShouldBe(code);
        saved["active"]!.GetValue<bool>().ShouldBeTrue();
        var listed = (await admin.GetJsonArrayAsync("/api/admin/departments")).Single(d => d!["code"]!.GetValue<string>() == code)!;
        listed["name"]!.GetValue<string>().ShouldBe("税务");
        listed["nameEn"]!.GetValue<string>().ShouldBe("Taxation");
        listed["named"]!.GetValue<bool>().ShouldBeTrue();
        (await StoredAsync()).Single(d => d.Code == code).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task An_administrator_renames_a_department_and_its_code_stays()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var code = NewCode();
        await (await admin.PostAsJsonAsync("/api/admin/departments", new { code, name = "旧名", nameEn = "Old name" })).ShouldHaveStatusAsync(HttpStatusCode.Created);

        var response = await admin.PutAsJsonAsync($"/api/admin/departments/{code}", new { name = "新名", nameEn = "New name" });

        var saved = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        saved["code"]!.GetValue<string>().ShouldBe(code);
        var row = (await StoredAsync()).Single(d => d.Code == code);
        (row.Name, row.NameEn).ShouldBe(("新名", "New name"));
        (await admin.PutAsJsonAsync("/api/admin/departments/no-such-department", new { name = "无", nameEn = "None" })).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_duplicate_code_is_a_conflict_and_the_first_department_stays()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);

        var response = await admin.PostAsJsonAsync("/api/admin/departments",
            new { code = "ecology-environment", name = "另一个", nameEn = "Another" });

        var problem = await response.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        problem["detail"]!.GetValue<string>().ShouldContain("生态环境");
        (await StoredAsync()).Single(d => d.Code == "ecology-environment").Name.ShouldBe("生态环境");
    }

    [Theory]
    [InlineData("Upper-Case")]
    [InlineData("with space")]
    [InlineData("-leading-dash")]
    [InlineData("")]
    public async Task A_bad_code_is_refused_naming_the_field(string code)
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var before = (await StoredAsync()).Count;

        var response = await admin.PostAsJsonAsync("/api/admin/departments", new { code, name = "坏", nameEn = "Bad" });

        var problem = await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["code"]);
        (await StoredAsync()).Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_department_with_open_steps_cannot_be_taken_out_of_use_but_one_without_can_and_back()
    {
        var world = await ApprovalWorld.CreateAsync(factory, "衡水某部门停用测试有限公司");
        await world.StartAsync();
        var admin = world.Admin;
        var busy = (await admin.GetJsonArrayAsync("/api/admin/departments"))
            .First(d => d!["named"]!.GetValue<bool>() && d["openSteps"]!.GetValue<int>() > 0)!;
        var busyCode = busy["code"]!.GetValue<string>();
        var openSteps = busy["openSteps"]!.GetValue<int>();

        var refused = await admin.PostAsJsonAsync($"/api/admin/departments/{busyCode}/active", new { active = false });

        var problem = await refused.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        problem["detail"]!.GetValue<string>().ShouldContain($"尚有 {openSteps} 个未办结的审批环节");
        (await StoredAsync()).Single(d => d.Code == busyCode).IsActive.ShouldBeTrue();

        var idle = NewCode();
        await (await admin.PostAsJsonAsync("/api/admin/departments", new { code = idle, name = "闲", nameEn = "Idle" })).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var off = await (await admin.PostAsJsonAsync($"/api/admin/departments/{idle}/active", new { active = false })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        off["active"]!.GetValue<bool>().ShouldBeFalse();
        (await admin.GetJsonArrayAsync("/api/admin/departments")).Single(d => d!["code"]!.GetValue<string>() == idle)!["active"]!.GetValue<bool>().ShouldBeFalse();
        var on = await (await admin.PostAsJsonAsync($"/api/admin/departments/{idle}/active", new { active = true })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        on["active"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_non_administrator_is_refused_and_nothing_is_written()
    {
        var officer = await factory.ClientForAsync(Accounts.Officer);
        var code = NewCode();

        (await officer.PostAsJsonAsync("/api/admin/departments", new { code, name = "越权", nameEn = "Overreach" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PutAsJsonAsync("/api/admin/departments/ecology-environment", new { name = "改", nameEn = "Changed" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PostAsJsonAsync("/api/admin/departments/emergency-management/active", new { active = false })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);

        var stored = await StoredAsync();
        stored.ShouldNotContain(d => d.Code == code);
        stored.Single(d => d.Code == "ecology-environment").Name.ShouldBe("生态环境");
        stored.Single(d => d.Code == "emergency-management").IsActive.ShouldBeTrue();
    }

    private static string NewCode() => $"dept-{Guid.NewGuid():N}"[..20];

    private async Task<List<Department>> StoredAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Department>().AsNoTracking().ToListAsync();
    }
}

public sealed class DepartmentsOnSqlite(WebAppFactory factory) : DepartmentScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class DepartmentsOnPostgres(PostgresWebAppFactory factory) : DepartmentScenarios(factory), IClassFixture<PostgresWebAppFactory>;
