using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Notifications;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Web.Tests.Approvals.ApprovalWorld;

namespace ApprovalFlow.Web.Tests.Approvals;

/// <summary>One step, one hand: the officer who accepts a step holds its review and decision, without claiming again.</summary>
public sealed class StepHandScenarios(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private static JsonNode OpenTask(JsonObject approvalCase, string step, string role) =>
        approvalCase["openTasks"]!.AsArray().Single(t => t!["stepCode"]?.GetValue<string>() == step && t["role"]?.GetValue<string>() == role)!;

    [Fact]
    public async Task The_accepting_officer_holds_the_review_and_the_decision_and_the_department_is_not_told_of_them()
    {
        var world = await ApprovalWorld.CreateAsync(factory);
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        var planning = await world.OfficerOfStepAsync("planning");
        var me = (await planning.GetFromJsonAsync<JsonObject>("/api/auth/manage/info"))!.Text("email");
        OpenTask(approvalCase, "planning", "accept")["assignee"].ShouldBeNull("acceptance is the department's to take");

        approvalCase = await ActAsync(planning, approvalCase, "planningAccept", "accept");
        OpenTask(approvalCase, "planning", "review").Text("assignee").ShouldBe(me);
        approvalCase = await ActAsync(planning, approvalCase, "planningReview", "review");
        OpenTask(approvalCase, "planning", "decide").Text("assignee").ShouldBe(me);
        // Other steps' acceptance is still nobody's.
        OpenTask(approvalCase, "eia", "accept")["assignee"].ShouldBeNull();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var caseId = approvalCase.Id();
        var news = await db.Set<Notification>().Where(n => n.CaseId == caseId && n.Kind == NotificationKinds.NewTask).Select(n => n.Title).ToListAsync();
        news.ShouldContain(t => t.Contains("待受理"));
        news.ShouldNotContain(t => t.Contains("待审查") || t.Contains("待决定"), "the held tasks are not announced to the department");
    }

    [Fact]
    public async Task After_a_return_the_resubmitted_step_is_accepted_from_the_pool_again()
    {
        var world = await ApprovalWorld.CreateAsync(factory);
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        var planning = await world.OfficerOfStepAsync("planning");
        approvalCase = await ActAsync(planning, approvalCase, "planningAccept", "accept");
        approvalCase = await ActAsync(planning, approvalCase, "planningReview", "review");
        approvalCase = await ActAsync(planning, approvalCase, "planningDecide", "decide", new { outcome = "return", opinion = "缺少消防通道标注" });
        approvalCase = await ActAsync(world.Enterprise, approvalCase, "planningResubmit", "resubmit", new { note = "已补正" });
        OpenTask(approvalCase, "planning", "accept")["assignee"].ShouldBeNull("the enterprise's hand holds nothing of the department's");
    }
}
