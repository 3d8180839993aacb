using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Gaps;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Web.Tests.Approvals.ApprovalWorld;

namespace ApprovalFlow.Web.Tests.Designer;

/// <summary>GET /api/cases/{id}/diagram: the case's model with each element's state, light, assignee, due date and who may act.</summary>
public abstract class CaseDiagramScenarios(WebAppFactory factory)
{
    private static async Task<JsonObject> DiagramAsync(HttpClient client, Guid caseId) =>
        await (await client.GetAsync($"/api/cases/{caseId}/diagram")).ShouldHaveStatusAsync(HttpStatusCode.OK);

    private static JsonNode Element(JsonObject diagram, string elementId) =>
        diagram["elements"]!.AsArray().Single(e => e.Text("elementId") == elementId)!;

    private static bool Flag(JsonNode element, string name) => element[name]!.GetValue<bool>();

    [Fact]
    public async Task Elements_show_done_and_waiting_with_light_assignee_due_date_and_who_may_act()
    {
        // Monday 2 March 2026, 10:00 China time: no holiday in the weeks that follow.
        var clock = new SettableClock(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)));
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var world = await ApprovalWorld.CreateAsync(app);
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        var planning = await world.OfficerOfStepAsync("planning");
        approvalCase = await ActAsync(planning, approvalCase, "planningAccept", "accept");
        var claimed = await planning.PostAsync($"/api/case-tasks/{TaskId(approvalCase, "planningReview")}/claim", null);
        approvalCase = await claimed.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var dueAt = Step(approvalCase, "planning")["dueAt"]!.GetValue<DateTime>();

        var diagram = await DiagramAsync(planning, approvalCase.Id());

        diagram.Text("definitionKey").ShouldBe("pre-construction-approval");
        diagram.Text("xml").ShouldContain("id=\"planningReview\"");
        Element(diagram, "registration").Text("state").ShouldBe("done");
        Element(diagram, "planningAccept").Text("state").ShouldBe("done");
        var review = Element(diagram, "planningReview");
        review.Text("state").ShouldBe("waiting");
        review.Text("stepCode").ShouldBe("planning");
        review["taskId"]!.GetValue<Guid>().ShouldBe(TaskId(approvalCase, "planningReview"));
        Flag(review, "mayAct").ShouldBeTrue();
        review["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("review");
        review.Text("assignee").ShouldNotBeNullOrWhiteSpace();
        review.Text("light").ShouldBe("green");
        review["workingDaysLeft"]!.GetValue<int>().ShouldBe(20);
        review["dueAt"]!.GetValue<DateTime>().ShouldBe(dueAt);
        var eia = Element(diagram, "eiaAccept");
        eia.Text("state").ShouldBe("waiting");
        Flag(eia, "mayAct").ShouldBeFalse("an officer of natural resources may not act on the EIA step");
        eia.Text("light").ShouldBe("green", "an accept task not yet done reads its own due date (af:timeLimitDays)");
        eia["dueAt"].ShouldNotBeNull();
        diagram["elements"]!.AsArray().ShouldNotContain(e => e.Text("elementId") == "confirmStart");

        var asEnterprise = await DiagramAsync(world.Enterprise, approvalCase.Id());
        asEnterprise["elements"]!.AsArray().ShouldAllBe(e => !e!["mayAct"]!.GetValue<bool>());
        var ecology = await world.OfficerOfStepAsync("eia");
        Flag(Element(await DiagramAsync(ecology, approvalCase.Id()), "eiaAccept"), "mayAct").ShouldBeTrue();

        // Two working days before the deadline the light is yellow; after it, red.
        clock.Now = new DateTimeOffset(dueAt, TimeSpan.Zero).AddDays(-1);
        planning = await world.LoginAgainAsync("natural-resources");
        Element(await DiagramAsync(planning, approvalCase.Id()), "planningReview").Text("light").ShouldBe("yellow");
        clock.Now = new DateTimeOffset(dueAt, TimeSpan.Zero).AddDays(3);
        planning = await world.LoginAgainAsync("natural-resources");
        var overdue = Element(await DiagramAsync(planning, approvalCase.Id()), "planningReview");
        overdue.Text("light").ShouldBe("red");
        overdue["workingDaysLeft"]!.GetValue<int>().ShouldBeLessThan(0);
    }

    [Fact]
    public async Task An_open_tolerated_gap_and_then_the_suspended_step_are_marked_where_the_step_waits()
    {
        var world = await ApprovalWorld.CreateAsync(factory, "衡水容缺流程图有限公司");
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        var pledge = (await (await world.Enterprise.PostAsJsonAsync("/api/pledges",
                new { projectId = world.ProjectId, scheme = "tolerated-gap", stepCode = "planning", text = "本企业承诺在规定期限内补齐容缺材料。" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created)).Id();
        var calendar = factory.Services.GetRequiredService<WorkingDayCalendar>();
        var deadline = calendar.AddWorkingDays(DateTime.UtcNow, 3);
        var planning = await world.OfficerOfStepAsync("planning");
        approvalCase = await ActAsync(planning, approvalCase, "planningAccept", "accept", new
        {
            toleratedGap = new { missingMaterials = new[] { "business-licence" }, pledgeId = pledge, supplementDeadline = deadline },
        });

        var review = Element(await DiagramAsync(planning, approvalCase.Id()), "planningReview");
        Flag(review, "openGap").ShouldBeTrue();
        Flag(review, "suspended").ShouldBeFalse();
        Flag(Element(await DiagramAsync(planning, approvalCase.Id()), "landAccept"), "openGap").ShouldBeFalse();

        await factory.Services.GetRequiredService<GapSweep>().RunAsync(calendar.AddWorkingDays(deadline, 1));

        var afterDeadline = await DiagramAsync(planning, approvalCase.Id());
        var suspended = afterDeadline["elements"]!.AsArray().Where(e => e!["stepCode"]?.GetValue<string>() == "planning" && e["suspended"]!.GetValue<bool>()).ToList();
        suspended.ShouldNotBeEmpty();
        suspended.ShouldAllBe(e => e.Text("stepStatus") == "suspended");
        afterDeadline["elements"]!.AsArray().ShouldAllBe(e => !e!["openGap"]!.GetValue<bool>(), "the gap is overdue, no longer open");
    }

    [Fact]
    public async Task A_case_the_caller_may_not_see_has_no_diagram()
    {
        var world = await ApprovalWorld.CreateAsync(factory, "衡水流程图甲公司");
        var approvalCase = await world.StartAsync();
        var stranger = await ApprovalWorld.CreateAsync(factory, "衡水流程图乙公司");

        await (await stranger.Enterprise.GetAsync($"/api/cases/{approvalCase.Id()}/diagram")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await world.Admin.GetAsync($"/api/cases/{Guid.NewGuid()}/diagram")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await DiagramAsync(world.Admin, approvalCase.Id()))["elements"]!.AsArray().ShouldContain(e => e.Text("elementId") == "registration");
    }
}

public sealed class SqliteCaseDiagramScenarios(WebAppFactory factory)
    : CaseDiagramScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class PostgresCaseDiagramScenarios(PostgresWebAppFactory factory)
    : CaseDiagramScenarios(factory), IClassFixture<PostgresWebAppFactory>;
