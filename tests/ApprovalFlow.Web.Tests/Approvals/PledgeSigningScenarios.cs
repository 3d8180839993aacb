using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using static ApprovalFlow.Web.Tests.Approvals.ApprovalWorld;

namespace ApprovalFlow.Web.Tests.Approvals;

/// <summary>
/// The enterprise signs its pledge-system pledge once, by doing the case's <c>signPledge</c> task (签署承诺书), and the
/// case lists the pledge actions to those who may take them; over HTTP, once per database.
/// </summary>
public abstract class PledgeSigningScenarios(WebAppFactory factory)
{
    private const string PledgeText = "本企业承诺按公布的标准建设，并接受事后核查。";
    private static readonly string[] Covered = ["planning", "eia", "safety"];
    private static readonly string[] VerifyingDepartments = ["natural-resources", "ecology-environment", "emergency-management"];

    [Fact]
    public async Task Signing_through_the_task_signs_and_publishes_one_pledge_replaces_the_covered_steps_and_the_verification_finds_it()
    {
        var world = await ApprovalWorld.CreateAsync(factory);
        var approvalCase = await AtSignPledgeAsync(world);
        var myTasks = await world.Enterprise.GetJsonArrayAsync("/api/my/tasks");
        myTasks.Single(t => t.Text("elementId") == "signPledge")!.Text("action").ShouldBe("sign-pledge");

        var signed = await world.Enterprise.PostAsJsonAsync($"/api/tasks/{TaskId(approvalCase, "signPledge")}/sign-pledge", new { text = PledgeText });
        approvalCase = await signed.ShouldHaveStatusAsync(HttpStatusCode.OK);

        approvalCase["openTasks"]!.AsArray().Select(t => t.Text("elementId")).ShouldBe(["startConstruction"]);
        foreach (var code in Covered)
        {
            StatusOf(approvalCase, code).ShouldBe("replacedByPledge");
            Step(approvalCase, code).Text("department").ShouldBe(DepartmentOf[code]);
        }
        var pledges = await world.Enterprise.GetJsonArrayAsync($"/api/pledges?projectId={world.ProjectId}");
        var pledge = pledges.ShouldHaveSingleItem()!;
        pledge.Text("scheme").ShouldBe("pledge-system");
        pledge.Text("text").ShouldBe(PledgeText);
        pledge.Text("status").ShouldBe("signed");
        pledge["stepCode"].ShouldBeNull();
        pledge["enterpriseId"]!.GetValue<Guid>().ShouldBe(world.EnterpriseId);
        pledge["published"]!.GetValue<bool>().ShouldBeTrue();
        pledge.Text("hash").Length.ShouldBe(64);
        var pledgeId = pledge.Id();
        // Read alone, so the hash is recomputed from the stored fields.
        (await (await world.Admin.GetAsync($"/api/pledges/{pledgeId}")).ShouldHaveStatusAsync(HttpStatusCode.OK))["hashValid"]!
            .GetValue<bool>().ShouldBeTrue();

        approvalCase = await ActAsync(await world.OfficerAsync("housing-construction"), approvalCase, "startConstruction", "decide",
            new { outcome = "approve" });
        foreach (var department in VerifyingDepartments)
        {
            var officer = await world.OfficerAsync(department);
            var response = await officer.PostAsJsonAsync($"/api/tasks/{VerifyTask(approvalCase, department)}/verify-pledge",
                new { method = "written", broken = false });
            approvalCase = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        approvalCase["openTasks"]!.AsArray().Select(t => t.Text("elementId")).ShouldBe(["combinedAcceptance"]);
        var verified = await (await world.Admin.GetAsync($"/api/pledges/{pledgeId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        verified.Text("status").ShouldBe("kept");
        verified["verifications"]!.AsArray().Count.ShouldBe(VerifyingDepartments.Length);
        (await world.Admin.GetJsonArrayAsync($"/api/pledges?projectId={world.ProjectId}")).Count.ShouldBe(1, "the enterprise signed once");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_pledge_without_text_is_refused_naming_text_and_leaves_the_task_open(string? text)
    {
        var world = await ApprovalWorld.CreateAsync(factory);
        var approvalCase = await AtSignPledgeAsync(world);

        var refused = await world.Enterprise.PostAsJsonAsync($"/api/tasks/{TaskId(approvalCase, "signPledge")}/sign-pledge", new { text });
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["text"].ShouldNotBeNull();

        await NothingWrittenAsync(world, approvalCase);
    }

    [Fact]
    public async Task Another_enterprise_or_an_officer_cannot_sign_the_pledge_and_nothing_is_written()
    {
        var world = await ApprovalWorld.CreateAsync(factory);
        var other = await ApprovalWorld.CreateAsync(factory, "乙公司");
        var approvalCase = await AtSignPledgeAsync(world);
        var uri = $"/api/tasks/{TaskId(approvalCase, "signPledge")}/sign-pledge";

        await (await other.Enterprise.PostAsJsonAsync(uri, new { text = PledgeText })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var developmentReform = await world.OfficerAsync("development-reform");
        await (await developmentReform.PostAsJsonAsync(uri, new { text = PledgeText })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        await NothingWrittenAsync(world, approvalCase);
        (await other.Enterprise.GetJsonArrayAsync("/api/pledges")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_case_lists_sign_pledge_to_its_enterprise_and_verify_pledge_to_each_verifying_department_only()
    {
        var world = await ApprovalWorld.CreateAsync(factory);
        var approvalCase = await AtSignPledgeAsync(world);
        var caseId = approvalCase.Id();
        var developmentReform = await world.OfficerAsync("development-reform");
        ActionsOn(await GetCaseAsync(world.Enterprise, caseId), "signPledge").ShouldBe(["sign-pledge"]);
        ActionsOn(await GetCaseAsync(developmentReform, caseId), "signPledge").ShouldBeEmpty();
        ActionsOn(await GetCaseAsync(world.Admin, caseId), "signPledge").ShouldBeEmpty();

        approvalCase = await ActAsync(world.Enterprise, approvalCase, "signPledge", "sign-pledge", new { text = PledgeText });
        approvalCase = await ActAsync(await world.OfficerAsync("housing-construction"), approvalCase, "startConstruction", "decide",
            new { outcome = "approve" });

        foreach (var department in VerifyingDepartments)
        {
            var seen = await GetCaseAsync(await world.OfficerAsync(department), caseId);
            foreach (var task in seen["openTasks"]!.AsArray().Where(t => t.Text("elementId") == "verifyByDepartment"))
            {
                var own = task!["candidateGroups"]!.AsArray().Any(g => g!.GetValue<string>() == department);
                task["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(own ? ["claim", "verify-pledge"] : [],
                    $"{department} on the verification of {task["candidateGroups"]![0]}");
            }
        }
        var enterpriseView = await GetCaseAsync(world.Enterprise, caseId);
        enterpriseView["openTasks"]!.AsArray().Where(t => t.Text("elementId") == "verifyByDepartment")
            .ShouldAllBe(t => t!["actions"]!.AsArray().Count == 0);
        var officerTasks = await (await world.OfficerAsync("ecology-environment")).GetJsonArrayAsync("/api/my/tasks");
        officerTasks.Single(t => t.Text("elementId") == "verifyByDepartment")!.Text("action").ShouldBe("verify-pledge");
    }

    /// <summary>A pledge-system case whose filing check passed: the enterprise's signPledge task is open.</summary>
    private static async Task<JsonObject> AtSignPledgeAsync(ApprovalWorld world)
    {
        var approvalCase = await world.StartAsync("pledgeSystem");
        approvalCase = await ActAsync(await world.OfficerAsync("development-reform"), approvalCase, "checkLandAndFiling", "decide",
            new { outcome = "approve" });
        approvalCase["openTasks"]!.AsArray().Select(t => t.Text("elementId")).ShouldBe(["signPledge"]);
        return approvalCase;
    }

    private static async Task NothingWrittenAsync(ApprovalWorld world, JsonObject approvalCase)
    {
        var after = await GetCaseAsync(world.Admin, approvalCase.Id());
        after["openTasks"]!.AsArray().Select(t => t.Text("elementId")).ShouldBe(["signPledge"]);
        after["steps"]!.AsArray().Select(s => s.Text("stepCode")).ShouldNotContain("planning");
        (await world.Admin.GetJsonArrayAsync($"/api/pledges?projectId={world.ProjectId}")).ShouldBeEmpty();
    }

    private static List<string> ActionsOn(JsonObject approvalCase, string elementId) =>
        approvalCase["openTasks"]!.AsArray().Single(t => t.Text("elementId") == elementId)!["actions"]!.AsArray()
            .Select(a => a!.GetValue<string>()).ToList();

    private static Guid VerifyTask(JsonObject approvalCase, string department) =>
        approvalCase["openTasks"]!.AsArray().Single(t => t.Text("elementId") == "verifyByDepartment"
            && t!["candidateGroups"]!.AsArray().Any(g => g!.GetValue<string>() == department))!["id"]!.GetValue<Guid>();
}

public sealed class SqlitePledgeSigningScenarios(WebAppFactory factory)
    : PledgeSigningScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class PostgresPledgeSigningScenarios(PostgresWebAppFactory factory)
    : PledgeSigningScenarios(factory), IClassFixture<PostgresWebAppFactory>;
