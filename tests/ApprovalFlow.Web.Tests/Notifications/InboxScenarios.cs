using System.Net;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Notifications;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Chasing;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Notifications;

/// <summary>The in-app inbox: one's own messages only, an unread count, marking read.</summary>
public abstract class InboxScenarios(WebAppFactory factory)
{
    private async Task<(TestUser User, HttpClient Client)> OfficerAsync(string department)
    {
        var user = await ChaseWorld.UserAsync(factory, "officer", department, AppRoles.Officer);
        return (user, await factory.LoginAsync(user.Email));
    }

    private async Task NotifyAsync(TestUser user, params string[] titles)
    {
        var at = DateTime.UtcNow.AddMinutes(-10);
        foreach (var title in titles)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync([new Recipient(user.Id, null)], "chase.reminder",
                new NotificationText(title, "请及时办理。", title + " (en)", "Please act."), "/api/cases/00000000-0000-0000-0000-000000000001", null, at, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
            at = at.AddMinutes(1);
        }
    }

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/inbox/unread-count")).ShouldHaveStatusAsync(HttpStatusCode.OK))["unread"]!.GetValue<int>();

    private static async Task<JsonObject> PageAsync(HttpClient client, string query = "") =>
        await (await client.GetAsync("/api/inbox" + query)).ShouldHaveStatusAsync(HttpStatusCode.OK);

    [Fact]
    public async Task The_unread_count_falls_as_messages_are_marked_read_one_by_one_or_all_at_once()
    {
        var (officer, client) = await OfficerAsync("natural-resources");
        await NotifyAsync(officer, "一", "二", "三");
        (await UnreadAsync(client)).ShouldBe(3);

        var page = await PageAsync(client, "?page=1&pageSize=2");
        page["total"]!.GetValue<int>().ShouldBe(3);
        page["unread"]!.GetValue<int>().ShouldBe(3);
        page["items"]!.AsArray().Select(i => i.Text("title")).ShouldBe(["三", "二"], "newest first");
        (await PageAsync(client, "?page=2&pageSize=2"))["items"]!.AsArray().Select(i => i.Text("title")).ShouldBe(["一"]);

        var newest = page["items"]!.AsArray()[0]!["id"]!.GetValue<Guid>();
        var read = await (await client.PostAsync($"/api/inbox/{newest}/read", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        read["read"]!.GetValue<bool>().ShouldBeTrue();
        read["readAt"].ShouldNotBeNull();
        (await UnreadAsync(client)).ShouldBe(2);
        (await client.PostAsync($"/api/inbox/{newest}/read", null)).StatusCode.ShouldBe(HttpStatusCode.OK, "reading twice is harmless");
        (await UnreadAsync(client)).ShouldBe(2);

        (await PageAsync(client, "?unreadFirst=true"))["items"]!.AsArray().Select(i => i.Text("title")).ShouldBe(["二", "一", "三"]);

        var all = await (await client.PostAsync("/api/inbox/read-all", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        all["marked"]!.GetValue<int>().ShouldBe(2);
        (await UnreadAsync(client)).ShouldBe(0);
        (await PageAsync(client))["items"]!.AsArray().ShouldAllBe(i => i!["read"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_officer_sees_and_marks_only_their_own_inbox()
    {
        var (mine, myClient) = await OfficerAsync("natural-resources");
        var (_, otherClient) = await OfficerAsync("natural-resources");
        await NotifyAsync(mine, "只给我的");
        var myMessage = (await PageAsync(myClient))["items"]!.AsArray().Single()!["id"]!.GetValue<Guid>();

        (await PageAsync(otherClient))["items"]!.AsArray().ShouldBeEmpty();
        (await UnreadAsync(otherClient)).ShouldBe(0);
        await (await otherClient.PostAsync($"/api/inbox/{myMessage}/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await otherClient.PostAsync("/api/inbox/read-all", null)).ShouldHaveStatusAsync(HttpStatusCode.OK))["marked"]!.GetValue<int>().ShouldBe(0);
        var admin = await factory.ClientForAsync(Accounts.Admin);
        (await PageAsync(admin))["items"]!.AsArray().ShouldNotContain(i => i!["id"]!.GetValue<Guid>() == myMessage, "administrators included");

        (await UnreadAsync(myClient)).ShouldBe(1, "the other officer's attempts changed nothing");
    }

    [Fact]
    public async Task The_inbox_refuses_a_bad_page_and_anonymous_callers()
    {
        var (_, client) = await OfficerAsync("natural-resources");
        await (await client.GetAsync("/api/inbox?page=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/inbox?pageSize=1000")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await factory.CreateClient().GetAsync("/api/inbox/unread-count")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class SqliteInboxScenarios(WebAppFactory factory) : InboxScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class PostgresInboxScenarios(PostgresWebAppFactory factory) : InboxScenarios(factory), IClassFixture<PostgresWebAppFactory>;
