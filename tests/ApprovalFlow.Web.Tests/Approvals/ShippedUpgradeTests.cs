using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.DemoData;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.DemoData;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.Data.Sqlite;
using static ApprovalFlow.Web.Tests.Approvals.ApprovalWorld;

namespace ApprovalFlow.Web.Tests.Approvals;

/// <summary>
/// Running cases move over (issue 12): the demo data is made on the previous release's pre-construction model (the flat
/// one with roles, workflows/legacy); the next start of the app deploys this release's model and migrates the running
/// cases to it, each keeping its steps; a case that cannot move (a virtual approval waiting at the old join) stays on
/// its version, and every case goes on.
/// </summary>
public sealed class ShippedUpgradeTests
{
    [Fact]
    public async Task The_demo_cases_of_the_previous_release_move_to_the_new_model_and_go_on()
    {
        var folder = Path.Combine(Path.GetTempPath(), "approvalflow-tests", "upgrade-" + Guid.NewGuid().ToString("N"));
        var previousRelease = Path.Combine(folder, "previous-release");
        Directory.CreateDirectory(previousRelease);
        File.Copy(Path.Combine(ShippedWorkflows.Folder, "legacy", "pre-construction-approval-flat.bpmn"),
            Path.Combine(previousRelease, ShippedWorkflows.PreConstruction + ".bpmn"));
        File.Copy(Path.Combine(ShippedWorkflows.Folder, ShippedWorkflows.PledgeSystem + ".bpmn"),
            Path.Combine(previousRelease, ShippedWorkflows.PledgeSystem + ".bpmn"));
        try
        {
            Dictionary<string, JsonObject> before;
            await using (var old = new EmbeddedDemoFactory(Path.Combine(folder, "data")))
            {
                old.Settings["ApprovalFlow:WorkflowsFolder"] = previousRelease;
                before = await CasesAsync(old);
                before.Values.Where(IsPreConstruction).ShouldAllBe(c => c["definitionVersion"]!.GetValue<int>() == 1);
            }

            await using var app = new EmbeddedDemoFactory(Path.Combine(folder, "data"));
            var after = await CasesAsync(app);
            after.Keys.ShouldBe(before.Keys, ignoreOrder: true);
            foreach (var (project, was) in before)
            {
                var now = after[project];
                Statuses(now).ShouldBe(Statuses(was), $"the steps of {project} are as they were");
                now.Text("status").ShouldBe(was.Text("status"));
                if (!IsPreConstruction(was) || was.Text("status") != "running") continue;
                // A virtual approval waiting at the old inclusive join cannot move; every other running case does.
                var waitsAtOldJoin = Statuses(was).ContainsValue("virtuallyApproved");
                now["definitionVersion"]!.GetValue<int>().ShouldBe(waitsAtOldJoin ? 1 : 2, project);
            }

            // The case that stayed goes on on its version: land approved makes the virtual approvals effective.
            var virtualCase = after[DemoProjects.All[4].Name];
            var land = await app.LoginAsync(DemoAccount.OfficerOf("natural-resources").Email);
            StatusOf(virtualCase, "land").ShouldBe("underReview");
            virtualCase = await ActAsync(land, virtualCase, "landReview", "review");
            virtualCase = await ActAsync(land, virtualCase, "landDecide", "decide", new { outcome = "approve", opinion = "同意" });
            StatusOf(virtualCase, "planning").ShouldBe("approved");
            StatusOf(virtualCase, "eia").ShouldBe("approved");

            // A moved case goes on on the new model: registered, its steps start inside their sub-processes.
            var applied = after[DemoProjects.All[8].Name];
            applied = await ActAsync(await app.LoginAsync(DemoAccount.OfficerOf("administrative-approval").Email), applied, "registration", "accept");
            StatusOf(applied, "land").ShouldBe("awaitingAcceptance");
            applied = await ActAsync(land, applied, "landAccept", "accept");
            StatusOf(applied, "land").ShouldBe("underReview");
            applied["definitionVersion"]!.GetValue<int>().ShouldBe(2);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task A_case_started_before_the_roles_moves_through_the_roles_edition_to_the_new_model()
    {
        var folder = Path.Combine(Path.GetTempPath(), "approvalflow-tests", "upgrade-" + Guid.NewGuid().ToString("N"));
        var beforeRoles = Path.Combine(folder, "before-roles");
        Directory.CreateDirectory(beforeRoles);
        foreach (var key in new[] { ShippedWorkflows.PreConstruction, ShippedWorkflows.PledgeSystem })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Approvals", "Releases", key + "-before-roles.bpmn"), Path.Combine(beforeRoles, key + ".bpmn"));
        }
        try
        {
            Guid caseId;
            await using (var old = new WebAppFactory())
            {
                old.Settings["ApprovalFlow:DataFolder"] = Path.Combine(folder, "data");
                old.Settings["ApprovalFlow:WorkflowsFolder"] = beforeRoles;
                var world = await ApprovalWorld.CreateAsync(old);
                var started = await world.StartAsync();
                started["definitionVersion"]!.GetValue<int>().ShouldBe(1);
                caseId = started.Id();
            }

            await using var app = new WebAppFactory();
            app.Settings["ApprovalFlow:DataFolder"] = Path.Combine(folder, "data");
            var admin = await app.ClientForAsync(Accounts.Admin);
            var approvalCase = await GetCaseAsync(admin, caseId);
            // v2: the same model with its roles; v3: this release's. The case went through both.
            approvalCase["definitionVersion"]!.GetValue<int>().ShouldBe(3);
            StatusOf(approvalCase, "land").ShouldBe("awaitingAcceptance");
            var registrar = await app.LoginAsync(DemoAccount.OfficerOf("administrative-approval").Email);
            approvalCase = await ActAsync(registrar, approvalCase, "registration", "accept");
            approvalCase["openTasks"]!.AsArray().Select(ShippedModels.ShippedIdOf)
                .ShouldBe(["landAccept", "planningAccept", "eiaAccept", "safetyAccept", "permitAccept"], ignoreOrder: true);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static bool IsPreConstruction(JsonObject approvalCase) => approvalCase.Text("definitionKey") == ShippedWorkflows.PreConstruction;

    private static Dictionary<string, string> Statuses(JsonObject approvalCase) =>
        approvalCase["steps"]!.AsArray().ToDictionary(s => s.Text("stepCode"), s => s.Text("status"));

    /// <summary>Every case of the app, as the administrator reads it, by project name.</summary>
    private static async Task<Dictionary<string, JsonObject>> CasesAsync(WebAppFactory app)
    {
        var admin = await app.ClientForAsync(Accounts.Admin);
        var list = await admin.GetJsonArrayAsync("/api/cases?pageSize=500");
        var cases = new Dictionary<string, JsonObject>();
        foreach (var item in list)
        {
            var approvalCase = await GetCaseAsync(admin, item.Id());
            cases[approvalCase.Text("projectName")] = approvalCase;
        }
        return cases;
    }
}
