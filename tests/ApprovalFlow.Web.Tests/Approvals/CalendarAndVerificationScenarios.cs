using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Web.Tests.Approvals.ApprovalWorld;

namespace ApprovalFlow.Web.Tests.Approvals;

/// <summary>
/// Step deadlines that follow the working-day calendar, and the after-the-fact verification of a pledge-system case
/// (事后核查承诺) over HTTP; run once per database.
/// </summary>
public abstract class CalendarAndVerificationScenarios(WebAppFactory factory)
{
    private static readonly string[] Covered = ["planning", "eia", "safety"];
    private static readonly string[] VerifyingDepartments = ["natural-resources", "ecology-environment", "emergency-management"];

    [Fact]
    public async Task A_holiday_marked_inside_an_open_steps_window_moves_its_due_date_by_one_working_day_and_clearing_it_moves_it_back()
    {
        var world = await ApprovalWorld.CreateAsync(factory);
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        var housing = await world.OfficerOfStepAsync("permit");
        approvalCase = await ActAsync(housing, approvalCase, "permitAccept", "accept");
        var caseId = approvalCase.Id();
        // Read back from the database, whose precision (PostgreSQL: microseconds) the later reads have.
        var step = Step(await GetCaseAsync(world.Admin, caseId), "permit");
        var acceptedDate = ChinaDate(step["acceptedAt"]!);
        var oldDue = ChinaDate(step["dueAt"]!);

        var calendar = factory.Services.GetRequiredService<WorkingDayCalendar>();
        var holiday = NextWorkingDay(calendar, acceptedDate);
        holiday.ShouldBeLessThan(oldDue, "the day lies inside the step's window");
        var expected = NextWorkingDay(calendar, oldDue);

        var changed = await world.Admin.PutAsJsonAsync($"/api/calendar/days/{holiday:yyyy-MM-dd}",
            new { kind = "holiday", name = "临时放假", reason = "test notice" });
        (await changed.ShouldHaveStatusAsync(HttpStatusCode.OK))["isWorkingDay"]!.GetValue<bool>().ShouldBeFalse();

        var moved = await GetCaseAsync(world.Admin, caseId);
        ChinaDate(Step(moved, "permit")["dueAt"]!).ShouldBe(expected);
        Step(moved, "permit")["acceptedAt"]!.GetValue<DateTime>().ShouldBe(step["acceptedAt"]!.GetValue<DateTime>());

        await (await world.Admin.DeleteAsync($"/api/calendar/days/{holiday:yyyy-MM-dd}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        ChinaDate(Step(await GetCaseAsync(world.Admin, caseId), "permit")["dueAt"]!).ShouldBe(oldDue);
    }

    [Fact]
    public async Task A_pledge_system_case_whose_pledge_every_department_finds_kept_goes_on_to_combined_acceptance()
    {
        var world = await ApprovalWorld.CreateAsync(factory);
        var (approvalCase, pledgeId) = await PledgeCaseAtVerificationAsync(world);
        approvalCase["openTasks"]!.AsArray().Where(t => t.Text("elementId") == "verifyByDepartment")
            .Select(t => t!["candidateGroups"]![0]!.GetValue<string>()).ShouldBe(VerifyingDepartments, ignoreOrder: true);

        var naturalResources = await world.OfficerAsync("natural-resources");
        var bad = await naturalResources.PostAsJsonAsync($"/api/tasks/{VerifyTask(approvalCase, "natural-resources")}/verify-pledge",
            new { method = "phone", broken = false });
        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["method"].ShouldNotBeNull();
        var wrongDepartment = await naturalResources.PostAsJsonAsync($"/api/tasks/{VerifyTask(approvalCase, "ecology-environment")}/verify-pledge",
            new { method = "site", broken = false });
        await wrongDepartment.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        approvalCase = await VerifyAsync(world, approvalCase, "natural-resources", "site", broken: false);
        approvalCase = await VerifyAsync(world, approvalCase, "ecology-environment", "online", broken: false);
        OpenElements(approvalCase).ShouldBe(["verifyByDepartment"], "emergency management has not verified yet");
        approvalCase = await VerifyAsync(world, approvalCase, "emergency-management", "public-notice", broken: false);
        OpenElements(approvalCase).ShouldBe(["combinedAcceptance"]);
        foreach (var code in Covered) StatusOf(approvalCase, code).ShouldBe("replacedByPledge");

        var pledge = await (await world.Admin.GetAsync($"/api/pledges/{pledgeId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        pledge.Text("status").ShouldBe("kept");
        pledge["verifications"]!.AsArray().Select(v => v.Text("method")).ShouldBe(["site", "online", "public-notice"], ignoreOrder: true);
        pledge["verifications"]!.AsArray().ShouldAllBe(v => v.Text("result") == "kept");

        approvalCase = await ActAsync(await world.OfficerAsync("housing-construction"), approvalCase, "combinedAcceptance", "decide",
            new { outcome = "approve" });
        approvalCase.Text("status").ShouldBe("completed");
        StatusOf(approvalCase, "acceptance").ShouldBe("approved");
        (await world.Admin.GetJsonArrayAsync($"/api/enterprises/{world.EnterpriseId}/credit")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_broken_finding_goes_to_revocation_revokes_the_replaced_steps_writes_a_credit_record_and_blocks_the_next_tolerated_gap()
    {
        var world = await ApprovalWorld.CreateAsync(factory);
        // A second project of the same enterprise, with a tolerated-gap pledge signed while its credit was still clean.
        var other = (await world.Enterprise.RegisteredProjectAsync(ProjectWorld.NewProject())).Id();
        var otherCase = await (await world.Enterprise.PostAsJsonAsync("/api/cases", new { projectId = other, mode = "normal" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        otherCase = await world.RegisterAsync(otherCase);
        var gapPledge = (await (await world.Enterprise.PostAsJsonAsync("/api/pledges",
                new { projectId = other, scheme = "tolerated-gap", stepCode = "planning", text = "本企业承诺在规定期限内补齐容缺材料。" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created)).Id();

        var (approvalCase, pledgeId) = await PledgeCaseAtVerificationAsync(world);
        approvalCase = await VerifyAsync(world, approvalCase, "natural-resources", "written", broken: false);
        approvalCase = await VerifyAsync(world, approvalCase, "ecology-environment", "site", broken: true, note: "现场污染防治设施未按承诺建设");

        OpenElements(approvalCase).ShouldBe(["revokeAndRecordCredit"], "the broken finding withdrew the other verification");
        foreach (var code in Covered)
        {
            StatusOf(approvalCase, code).ShouldBe("revoked");
            Step(approvalCase, code)["history"]!.AsArray().Last()!.Text("note").ShouldContain("pledge broken");
        }
        var pledge = await (await world.Admin.GetAsync($"/api/pledges/{pledgeId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        pledge.Text("status").ShouldBe("revoked");
        pledge.Text("breachReason").ShouldContain("现场污染防治设施未按承诺建设");
        pledge["verifications"]!.AsArray().Select(v => v.Text("result")).ShouldBe(["kept", "broken"], ignoreOrder: true);
        var credit = await world.Admin.GetJsonArrayAsync($"/api/enterprises/{world.EnterpriseId}/credit");
        credit.Single()!["pledgeId"]!.GetValue<Guid>().ShouldBe(pledgeId);

        approvalCase = await ActAsync(await world.OfficerAsync("administrative-approval"), approvalCase, "revokeAndRecordCredit", "decide",
            new { outcome = "approve", opinion = "责令整改并记入信用记录" });
        approvalCase.Text("status").ShouldNotBe("running");
        approvalCase["openTasks"]!.AsArray().ShouldBeEmpty();

        var planning = await world.OfficerOfStepAsync("planning");
        var calendar = factory.Services.GetRequiredService<WorkingDayCalendar>();
        var refused = await planning.PostAsJsonAsync($"/api/tasks/{TaskId(otherCase, "planningAccept")}/accept", new
        {
            toleratedGap = new { missingMaterials = new[] { "business-licence" }, pledgeId = gapPledge, supplementDeadline = calendar.AddWorkingDays(DateTime.UtcNow, 3) },
        });
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).Text("detail").ShouldContain("未修复的失信记录");
        StatusOf(await GetCaseAsync(world.Admin, otherCase.Id()), "planning").ShouldBe("awaitingAcceptance");
    }

    /// <summary>Filing checked, pledge signed (entity and task), construction started: the three verifications are open.</summary>
    private static async Task<(JsonObject Case, Guid PledgeId)> PledgeCaseAtVerificationAsync(ApprovalWorld world)
    {
        var approvalCase = await world.StartAsync("pledgeSystem");
        approvalCase["steps"]!.AsArray().Select(s => s.Text("stepCode")).ShouldNotContain("planning");
        approvalCase = await ActAsync(await world.OfficerAsync("development-reform"), approvalCase, "checkLandAndFiling", "decide",
            new { outcome = "approve" });
        approvalCase = await ActAsync(world.Enterprise, approvalCase, "signPledge", "sign-pledge", new { text = "本企业承诺按公布的标准建设并接受事后核查。" });
        var pledges = await world.Enterprise.GetJsonArrayAsync($"/api/pledges?projectId={world.ProjectId}");
        var pledgeId = pledges.Single(p => p.Text("scheme") == "pledge-system")!.Id();
        foreach (var code in Covered)
        {
            StatusOf(approvalCase, code).ShouldBe("replacedByPledge");
            Step(approvalCase, code).Text("department").ShouldBe(DepartmentOf[code]);
        }
        approvalCase = await ActAsync(await world.OfficerAsync("housing-construction"), approvalCase, "startConstruction", "decide",
            new { outcome = "approve" });
        StatusOf(approvalCase, "permit").ShouldBe("approved");
        return (approvalCase, pledgeId);
    }

    private static async Task<JsonObject> VerifyAsync(ApprovalWorld world, JsonObject approvalCase, string department, string method, bool broken,
        string? note = null)
    {
        var officer = await world.OfficerAsync(department);
        var response = await officer.PostAsJsonAsync($"/api/tasks/{VerifyTask(approvalCase, department)}/verify-pledge",
            new { method, broken, note = note ?? $"{department}: {method}" });
        return await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    private static Guid VerifyTask(JsonObject approvalCase, string department) =>
        approvalCase["openTasks"]!.AsArray().Single(t => t.Text("elementId") == "verifyByDepartment"
            && t!["candidateGroups"]!.AsArray().Any(g => g!.GetValue<string>() == department))!["id"]!.GetValue<Guid>();

    private static List<string> OpenElements(JsonObject approvalCase) =>
        approvalCase["openTasks"]!.AsArray().Select(t => t.Text("elementId")).Distinct().ToList();

    private static DateOnly NextWorkingDay(WorkingDayCalendar calendar, DateOnly after)
    {
        var day = after.AddDays(1);
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    private static DateOnly ChinaDate(JsonNode instant) =>
        DateOnly.FromDateTime(instant.GetValue<DateTime>().ToUniversalTime().AddHours(8));
}

public sealed class SqliteCalendarAndVerificationScenarios(WebAppFactory factory)
    : CalendarAndVerificationScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class PostgresCalendarAndVerificationScenarios(PostgresWebAppFactory factory)
    : CalendarAndVerificationScenarios(factory), IClassFixture<PostgresWebAppFactory>;
