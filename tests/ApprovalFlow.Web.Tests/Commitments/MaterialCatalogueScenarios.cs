using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;

namespace ApprovalFlow.Web.Tests.Commitments;

/// <summary>The material catalogue: shipped materials per step, and administrators' edits.</summary>
public abstract class MaterialCatalogueScenarios(WebAppFactory factory)
{
    [Fact]
    public async Task The_land_step_ships_its_approval_as_main_and_the_business_licence_as_secondary()
    {
        var officer = await factory.ClientForAsync(Accounts.Officer);
        var land = await officer.GetJsonArrayAsync("/api/materials?stepCode=land");

        land.ShouldAllBe(m => m!["stepCode"]!.GetValue<string>() == "land");
        land.Single(m => m!.Text("code") == "land-approval")!.Text("kind").ShouldBe("main");
        land.Single(m => m!.Text("code") == "land-approval")!.Text("name").ShouldBe("用地批准文件");
        land.Single(m => m!.Text("code") == "business-licence")!.Text("kind").ShouldBe("secondary");
        foreach (var step in new[] { "planning", "eia", "safety", "permit" })
        {
            var materials = await officer.GetJsonArrayAsync($"/api/materials?stepCode={step}");
            materials.ShouldContain(m => m!.Text("kind") == "main");
            materials.ShouldContain(m => m!.Text("kind") == "secondary");
        }
    }

    [Fact]
    public async Task An_administrator_adds_reclassifies_and_removes_a_material_and_an_officer_may_not()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var officer = await factory.ClientForAsync(Accounts.Officer);
        var code = "water-permit-" + Guid.NewGuid().ToString("N")[..6];

        await (await officer.PutAsJsonAsync("/api/materials", new { stepCode = "permit", code, name = "取水许可", kind = "main" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var added = await (await admin.PutAsJsonAsync("/api/materials", new { stepCode = "permit", code, name = "取水许可", kind = "main" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        added.Text("kind").ShouldBe("main");
        var changed = await (await admin.PutAsJsonAsync("/api/materials", new { stepCode = "permit", code, name = "取水许可证明", kind = "secondary", note = "on the platform" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        changed.Id().ShouldBe(added.Id());
        changed.Text("kind").ShouldBe("secondary");
        var invalid = await (await admin.PutAsJsonAsync("/api/materials", new { stepCode = "permit", code, name = "x", kind = "optional" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        invalid["errors"]!["kind"].ShouldNotBeNull();

        await (await officer.DeleteAsync($"/api/materials/{added.Id()}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await admin.DeleteAsync($"/api/materials/{added.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetJsonArrayAsync("/api/materials?stepCode=permit")).ShouldNotContain(m => m!.Text("code") == code);
    }
}

public sealed class MaterialsOnSqlite(WebAppFactory factory) : MaterialCatalogueScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class MaterialsOnPostgres(PostgresWebAppFactory factory) : MaterialCatalogueScenarios(factory), IClassFixture<PostgresWebAppFactory>;
