using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Notifications;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Web.Tests.Approvals.ApprovalWorld;

namespace ApprovalFlow.Web.Tests.Notifications;

/// <summary>
/// The people of a case are told what they wait for, in the transaction of the change: the enterprise of acceptance,
/// returns with their reasons, the clock, decisions; officers of a new task in their county. Each chooses the channels.
/// </summary>
public abstract class CaseNewsScenarios(WebAppFactory factory)
{
    private const string ProjectCounty = "131102"; // ProjectWorld's projects are in 桃城区

    private async Task<(HttpClient Client, string Email)> OfficerAsync(string department, string? county)
    {
        var email = $"news-{department}-{county ?? "city"}-{Guid.NewGuid():N}@test.local";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, Department = department, County = county };
            (await users.CreateAsync(user, DemoAccount.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, AppRoles.Officer)).Succeeded.ShouldBeTrue();
        }
        return (await factory.LoginAsync(email), email);
    }

    private static async Task<List<JsonNode>> InboxAsync(HttpClient client, Guid caseId)
    {
        var page = await (await client.GetAsync("/api/inbox?pageSize=100")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray().Where(m => m!["caseId"]?.GetValue<Guid>() == caseId).Select(m => m!).ToList();
    }

    [Fact]
    public async Task The_enterprise_hears_of_acceptance_return_with_reasons_and_decision_and_officers_of_new_tasks_in_their_county_only()
    {
        var world = await ApprovalWorld.CreateAsync(factory);
        var (ownCounty, _) = await OfficerAsync("natural-resources", ProjectCounty);
        var (otherCounty, _) = await OfficerAsync("natural-resources", "131182");
        var (city, _) = await OfficerAsync("natural-resources", null);
        var started = await world.StartAsync();
        var caseId = started.Id();

        var approvalCase = await world.RegisterAsync(started);
        // Registration opened the five steps' acceptance: the land and planning departments' officers of 桃城区 and of the
        // city are told; 深州市's are not.
        var told = await InboxAsync(ownCounty, caseId);
        told.ShouldNotBeEmpty();
        told.ShouldAllBe(m => m.Text("kind") == NotificationKinds.NewTask);
        told.ShouldContain(m => m.Text("title").StartsWith("【新待办】") && m.Text("title").EndsWith("待受理"));
        (await InboxAsync(city, caseId)).Count.ShouldBe(told.Count);
        (await InboxAsync(otherCounty, caseId)).ShouldBeEmpty();
        (await InboxAsync(world.Enterprise, caseId)).ShouldBeEmpty("registration is not news for the enterprise");

        var planning = await world.OfficerOfStepAsync("planning");
        approvalCase = await ActAsync(planning, approvalCase, "planningAccept", "accept");
        var accepted = (await InboxAsync(world.Enterprise, caseId)).ShouldHaveSingleItem();
        accepted.Text("kind").ShouldBe(NotificationKinds.Accepted);
        accepted.Text("title").ShouldStartWith("【已受理】");
        accepted.Text("body").ShouldContain("个工作日");
        accepted.Text("titleEn").ShouldStartWith("Accepted:");
        accepted.Text("link").ShouldBe($"/cases/{caseId}");

        approvalCase = await ActAsync(planning, approvalCase, "planningReview", "review");
        approvalCase = await ActAsync(planning, approvalCase, "planningDecide", "decide", new { outcome = "return", opinion = "总平面图缺少消防通道标注" });
        var returned = (await InboxAsync(world.Enterprise, caseId)).Single(m => m.Text("kind") == NotificationKinds.Returned);
        returned.Text("title").ShouldStartWith("【退回补正】");
        returned.Text("body").ShouldContain("总平面图缺少消防通道标注");

        approvalCase = await world.RunStepAsync(approvalCase, "eia");
        var decided = (await InboxAsync(world.Enterprise, caseId)).Where(m => m.Text("kind") == NotificationKinds.Decided).ToList();
        decided.ShouldHaveSingleItem().Text("title").ShouldStartWith("【已许可】");
        (await InboxAsync(otherCounty, caseId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Each_user_chooses_the_channels_and_the_clock_news_carries_the_reason()
    {
        var world = await ApprovalWorld.CreateAsync(factory);
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        var caseId = approvalCase.Id();

        var choices = await (await world.Enterprise.GetAsync("/api/inbox/preferences")).Content.ReadFromJsonAsync<JsonArray>();
        choices!.Select(c => c.Text("kind")).ShouldBe(NotificationKinds.Choosable.Select(k => k.Code));
        choices!.ShouldAllBe(c => c!["inApp"]!.GetValue<bool>() && c["email"]!.GetValue<bool>());
        choices!.Single(c => c.Text("kind") == NotificationKinds.Clock).Text("name").ShouldBe("计时暂停与恢复（附理由）");

        var unknown = await world.Enterprise.PutAsJsonAsync("/api/inbox/preferences", new[] { new { kind = "chase.reminder", inApp = false, email = false } });
        var problem = (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        problem.ShouldContain("督办提醒不能关闭", Case.Sensitive, problem);

        (await world.Enterprise.PutAsJsonAsync("/api/inbox/preferences", new[]
        {
            new { kind = NotificationKinds.Clock, inApp = false, email = true },
            new { kind = NotificationKinds.Accepted, inApp = true, email = false },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var safety = await world.OfficerOfStepAsync("safety");
        approvalCase = await ActAsync(safety, approvalCase, "safetyAccept", "accept");
        var stepId = Step(approvalCase, "safety").Id();
        (await safety.PostAsJsonAsync($"/api/steps/{stepId}/pause", new { reason = "组织专家评审" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await safety.PostAsync($"/api/steps/{stepId}/resume", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var inbox = await InboxAsync(world.Enterprise, caseId);
        inbox.ShouldHaveSingleItem().Text("kind").ShouldBe(NotificationKinds.Accepted, "the clock's news was switched off for the inbox");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var enterpriseEmails = await db.Users.Where(u => u.EnterpriseId == world.EnterpriseId).Select(u => u.Email!).ToListAsync();
        var mail = await db.Set<OutboxMessage>().Where(m => enterpriseEmails.Contains(m.Recipient)).Select(m => new { m.Subject, m.Body }).ToListAsync();
        mail.Count.ShouldBe(2, string.Join(" | ", mail.Select(m => m.Subject)));
        mail.ShouldContain(m => m.Subject.StartsWith("【恢复计时】"));
        mail.ShouldContain(m => m.Subject.StartsWith("【计时暂停】") && m.Body.Contains("原因：组织专家评审"));
        mail.ShouldNotContain(m => m.Subject.StartsWith("【已受理】"), "acceptance by e-mail was switched off");
    }

    [Fact]
    public async Task Open_pages_hear_of_committed_messages_at_once()
    {
        var signals = factory.Services.GetRequiredService<InboxSignals>();
        var heard = new List<string>();
        void Listen(IReadOnlySet<string> users)
        {
            lock (heard) heard.AddRange(users);
        }
        signals.Arrived += Listen;
        try
        {
            var world = await ApprovalWorld.CreateAsync(factory);
            var approvalCase = await world.RegisterAsync(await world.StartAsync());
            var land = await world.OfficerOfStepAsync("land");
            await ActAsync(land, approvalCase, "landAccept", "accept");
            await using var scope = factory.Services.CreateAsyncScope();
            var enterpriseUsers = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users
                .Where(u => u.EnterpriseId == world.EnterpriseId).Select(u => u.Id).ToListAsync();
            lock (heard) heard.ShouldContain(enterpriseUsers.Single());
        }
        finally
        {
            signals.Arrived -= Listen;
        }
    }
}

public sealed class SqliteCaseNewsScenarios(WebAppFactory factory) : CaseNewsScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class PostgresCaseNewsScenarios(PostgresWebAppFactory factory) : CaseNewsScenarios(factory), IClassFixture<PostgresWebAppFactory>;
