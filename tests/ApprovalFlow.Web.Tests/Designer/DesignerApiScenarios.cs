using System.Net;
using Microsoft.AspNetCore.Hosting;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Xunit.Abstractions;
using static ApprovalFlow.Web.Tests.Approvals.ApprovalWorld;

namespace ApprovalFlow.Web.Tests.Designer;

/// <summary>The designer's API (validate, publish, versions, files) over HTTP, as the administrator; run once per database.</summary>
public abstract class DesignerApiScenarios(WebAppFactory factory, ITestOutputHelper output)
{
    private const string PreConstructionFile = "/api/designer/files/workflows/pre-construction-approval.bpmn";

    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");

    private static async Task<string> ShippedModelAsync(HttpClient admin) =>
        (await (await admin.GetAsync(PreConstructionFile)).ShouldHaveStatusAsync(HttpStatusCode.OK)).Text("xml");

    [Fact]
    public async Task Validation_reports_each_problem_with_its_element_and_line_and_deploys_nothing()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var before = (await admin.GetJsonArrayAsync("/api/definitions")).Count;
        var xml = await ShippedModelAsync(admin);
        var broken = xml.Replace(
            "<bpmn:userTask id=\"registration\"",
            "<bpmn:scriptTask id=\"unsupportedScript\" name=\"脚本\" />\n    <bpmn:userTask id=\"registration\"", StringComparison.Ordinal);
        broken.ShouldNotBe(xml);
        var expectedLine = broken.Split('\n').ToList().FindIndex(l => l.Contains("unsupportedScript", StringComparison.Ordinal)) + 1;

        var result = await (await admin.PostAsync("/api/designer/validate", Xml(broken))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        result["valid"]!.GetValue<bool>().ShouldBeFalse();
        var problem = result["problems"]!.AsArray().Single(p => p!["elementId"]?.GetValue<string>() == "unsupportedScript")!;
        problem["line"]!.GetValue<int>().ShouldBe(expectedLine);
        problem.Text("message").ShouldNotBeNullOrWhiteSpace();
        (await admin.GetJsonArrayAsync("/api/definitions")).Count.ShouldBe(before, "validation deploys nothing");

        var valid = await (await admin.PostAsync("/api/designer/validate", Xml(xml))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        valid["valid"]!.GetValue<bool>().ShouldBeTrue();
        valid.Text("processKey").ShouldBe("pre-construction-approval");
        valid["problems"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Publishing_an_edited_time_limit_deploys_a_new_version_that_new_cases_use()
    {
        var world = await ApprovalWorld.CreateAsync(factory, "衡水设计器测试有限公司");
        var onOldVersion = await world.StartAsync();
        Step(onOldVersion, "safety")["timeLimitDays"]!.GetValue<int>().ShouldBe(10);
        var xml = await ShippedModelAsync(world.Admin);
        // What the designer's properties panel writes for "safety, 12 working days" on every task of the step.
        var edited = xml.Replace("af:stepCode=\"safety\" af:department=\"emergency-management\" af:timeLimitDays=\"10\"",
            "af:stepCode=\"safety\" af:department=\"emergency-management\" af:timeLimitDays=\"12\"", StringComparison.Ordinal);
        edited.ShouldNotBe(xml);

        var response = await world.Admin.PostAsync("/api/designer/publish", Xml(edited));
        var deployed = await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        deployed.Text("key").ShouldBe("pre-construction-approval");
        var version = deployed["version"]!.GetValue<int>();
        version.ShouldBe(onOldVersion["definitionVersion"]!.GetValue<int>() + 1);

        var stored = await (await world.Admin.GetAsync($"/api/designer/versions/{deployed.Id()}/xml")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        stored.Text("xml").ShouldContain("af:timeLimitDays=\"12\"");
        var listed = await world.Admin.GetJsonArrayAsync("/api/definitions");
        listed.ShouldContain(d => d!.Text("key") == "pre-construction-approval" && d!["version"]!.GetValue<int>() == version);

        var secondProject = await world.Enterprise.RegisteredProjectAsync(ProjectWorld.NewProject());
        var onNewVersion = await (await world.Enterprise.PostAsJsonAsync("/api/cases", new { projectId = secondProject.Id(), mode = "normal" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        onNewVersion["definitionVersion"]!.GetValue<int>().ShouldBe(version);
        Step(onNewVersion, "safety")["timeLimitDays"]!.GetValue<int>().ShouldBe(12);
        Step(await GetCaseAsync(world.Enterprise, onOldVersion.Id()), "safety")["timeLimitDays"]!.GetValue<int>().ShouldBe(10,
            "a running case keeps its version");

        var versions = await world.Admin.GetJsonArrayAsync("/api/designer/versions");
        var newest = versions.Single(v => v!.Text("key") == "pre-construction-approval" && v!["version"]!.GetValue<int>() == version)!;
        newest["latest"]!.GetValue<bool>().ShouldBeTrue();
        newest["runningCases"]!.AsArray().Select(c => c!["caseId"]!.GetValue<Guid>()).ShouldContain(onNewVersion.Id());
        var previous = versions.Single(v => v!.Text("key") == "pre-construction-approval" && v!["version"]!.GetValue<int>() == version - 1)!;
        previous["latest"]!.GetValue<bool>().ShouldBeFalse();
        previous["runningInstances"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        var oldCase = previous["runningCases"]!.AsArray().Single(c => c!["caseId"]!.GetValue<Guid>() == onOldVersion.Id())!;
        oldCase.Text("projectCode").ShouldBe(onOldVersion.Text("projectCode"));
    }

    [Fact]
    public async Task A_model_with_problems_is_not_published()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var before = (await admin.GetJsonArrayAsync("/api/definitions")).Count;
        var xml = (await ShippedModelAsync(admin)).Replace("targetRef=\"registration\"", "targetRef=\"nowhere\"", StringComparison.Ordinal);

        var problem = await (await admin.PostAsync("/api/designer/publish", Xml(xml))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!.AsArray().ShouldNotBeEmpty();
        (await admin.GetJsonArrayAsync("/api/definitions")).Count.ShouldBe(before);
    }

    [Fact]
    public async Task The_designer_opens_the_shipped_workflows_and_the_conformance_models_and_nothing_else()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var folders = await admin.GetJsonArrayAsync("/api/designer/files");
        var workflows = folders.Single(f => f!.Text("name") == "workflows")!;
        workflows["files"]!.AsArray().Select(f => f!.GetValue<string>())
            .ShouldBe(["pledge-system-approval.bpmn", "pre-construction-approval.bpmn"]);
        var miwg = folders.Single(f => f!.Text("name") == "miwg")!;
        var files = miwg["files"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        var present = Directory.Exists(ReferenceSets.MiwgFolder);
        miwg["exists"]!.GetValue<bool>().ShouldBe(present, $"the default Designer:ExtraFolders path reaches {ReferenceSets.MiwgFolder} exactly when it exists");
        if (present)
        {
            files.ShouldContain("A.1.0.bpmn");
            files.ShouldAllBe(f => f.EndsWith(".bpmn"));
            var model = await (await admin.GetAsync("/api/designer/files/miwg/A.1.0.bpmn")).ShouldHaveStatusAsync(HttpStatusCode.OK);
            model.Text("xml").ShouldContain("definitions");
        }
        else
        {
            output.WriteLine(ReferenceSets.AbsentLine("miwg", ReferenceSets.MiwgFolder));
            files.ShouldBeEmpty();
            await (await admin.GetAsync("/api/designer/files/miwg/A.1.0.bpmn")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        await (await admin.GetAsync("/api/designer/files/miwg/LICENSE.txt")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync("/api/designer/files/miwg/..%2F..%2Fmain%2FREADME.md")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync("/api/designer/files/elsewhere/A.1.0.bpmn")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_model_file_in_ISO_8859_1_is_read_as_its_declaration_says()
    {
        var folder = Path.Combine(factory.DataFolder, "latin-models");
        Directory.CreateDirectory(folder);
        var xml = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://approvalflow.org/tests">
              <process id="pruefung" name="Prüfung der Unterlagen" isExecutable="true"><startEvent id="s" /></process>
            </definitions>
            """;
        await File.WriteAllBytesAsync(Path.Combine(folder, "latin.bpmn"), Encoding.Latin1.GetBytes(xml));
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("Designer:ExtraFolders:latin", folder));
        var admin = await app.ClientForAsync(Accounts.Admin);

        var model = await (await admin.GetAsync("/api/designer/files/latin/latin.bpmn")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        model.Text("xml").ShouldContain("Prüfung der Unterlagen");
    }

    [Fact]
    public async Task Only_administrators_use_the_designer()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var xml = await ShippedModelAsync(admin);
        var officer = await factory.ClientForAsync(Accounts.Officer);

        (await officer.PostAsync("/api/designer/validate", Xml(xml))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PostAsync("/api/designer/publish", Xml(xml))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetAsync("/api/designer/versions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetAsync(PreConstructionFile)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class SqliteDesignerApiScenarios(WebAppFactory factory, ITestOutputHelper output)
    : DesignerApiScenarios(factory, output), IClassFixture<WebAppFactory>;

public sealed class PostgresDesignerApiScenarios(PostgresWebAppFactory factory, ITestOutputHelper output)
    : DesignerApiScenarios(factory, output), IClassFixture<PostgresWebAppFactory>;
