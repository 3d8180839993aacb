using ApprovalFlow.BrowserTests.Infrastructure;
using ApprovalFlow.Web.Features.Approvals;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ApprovalFlow.BrowserTests;

/// <summary>
/// The enterprise's open inbox hears of its case's acceptance and return at once, without a reload, in Chinese; the
/// correction task shows the reasons; a running case offers no second application.
/// </summary>
public sealed class NotificationTests(BrowserWorld world) : BrowserTest(world)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(800, 1100)]
    public Task The_open_inbox_and_the_badge_show_new_messages_without_a_reload(int width, int height) => ScenarioAsync(async () =>
    {
        var setup = new CaseSetup(App);
        var name = $"浏览器测试·消息项目{Random.Shared.Next(10000, 99999)}";
        var approvalCase = await setup.RegisteredCaseAsync(name);

        var enterprise = await SignedInAsync(CaseSetup.Enterprise);
        var page = enterprise.Page;
        await page.SetViewportSizeAsync(width, height);
        await enterprise.GoToAsync("/messages");
        await enterprise.WaitInteractiveAsync();
        var unread = int.Parse(await page.GetByTestId("inbox-unread").TextContentAsync() ?? "0");

        approvalCase = await setup.ActAsync(CaseSetup.NaturalResourcesOfficer, approvalCase, "planningAccept", "accept", new AcceptStepRequest(null));
        var accepted = page.GetByTestId("message").Filter(new() { HasText = $"【已受理】{name}" });
        await Expect(accepted).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(accepted).ToContainTextAsync("个工作日");
        await Expect(page.GetByTestId("inbox-unread")).ToHaveTextAsync((unread + 1).ToString());

        approvalCase = await setup.ActAsync(CaseSetup.NaturalResourcesOfficer, approvalCase, "planningReview", "review", new { });
        await setup.ActAsync(CaseSetup.NaturalResourcesOfficer, approvalCase, "planningDecide", "decide",
            new { outcome = "return", opinion = "总平面图缺少消防通道标注" });
        var returned = page.GetByTestId("message").Filter(new() { HasText = $"【退回补正】{name}" });
        await Expect(returned).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(returned).ToContainTextAsync("理由：总平面图缺少消防通道标注");
        await Expect(page.GetByTestId("inbox-unread")).ToHaveTextAsync((unread + 2).ToString());

        // The message opens its case.
        await returned.ClickAsync();
        await enterprise.ExpectPathAsync($"/cases/{approvalCase.Id}");

        // The correction task says why it came back; nothing offers a second approval while this one runs.
        await enterprise.GoToAsync("/portal");
        await enterprise.WaitInteractiveAsync();
        await page.GetByTestId("portal-task").Filter(new() { HasText = name }).GetByTestId("portal-task-open").ClickAsync();
        await Expect(page.GetByTestId("task-return-reasons")).ToContainTextAsync("总平面图缺少消防通道标注");
        await Expect(page.GetByTestId("task-step-status")).ToHaveTextAsync("退回补正");
        var project = page.GetByTestId("portal-project").Filter(new() { HasText = name });
        await project.GetByTestId("portal-project-name").ClickAsync();
        await Expect(project.GetByTestId("start-approval-running")).ToBeVisibleAsync();
        await Expect(project.GetByTestId("start-approval")).ToHaveCountAsync(0);

        // The settings: each kind in Chinese, both channels on by default.
        await enterprise.GoToAsync("/messages");
        await enterprise.WaitInteractiveAsync();
        await page.GetByTestId("preferences-panel").ClickAsync();
        var settings = page.GetByTestId("preference");
        await Expect(settings).ToHaveCountAsync(6);
        await Expect(settings.Filter(new() { HasText = "退回补正（附理由）" })).ToBeVisibleAsync();
    });
}
