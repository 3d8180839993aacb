using System.Net.Http.Json;
using ApprovalFlow.BrowserTests.Infrastructure;
using ApprovalFlow.Web.Features.Projects;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ApprovalFlow.BrowserTests;

/// <summary>A supervisor moves a project between the three lists on the page, with a reason kept in its history.</summary>
public sealed class ProjectListMoveTests(BrowserWorld world) : BrowserTest(world)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(800, 1100)]
    public Task A_supervisor_moves_a_project_to_the_under_construction_list(int width, int height) => ScenarioAsync(async () =>
    {
        var name = $"浏览器测试·清单调整项目{Random.Shared.Next(10000, 99999)}";
        var project = await new CaseSetup(App).RegisterProjectAsync(name);

        var supervisor = await SignedInAsync("supervisor@approvalflow.local");
        var page = supervisor.Page;
        await page.SetViewportSizeAsync(width, height);
        await supervisor.GoToAsync("/supervision");
        await supervisor.WaitInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "三个清单" }).ClickAsync();
        await page.GetByTestId("lists-planned-new-start").ClickAsync();
        var row = page.Locator("tr", new() { Has = page.Locator($"[data-project-id='{project.Id}']") });
        await Expect(row).ToBeVisibleAsync();

        await row.GetByTestId("list-move-open").ClickAsync();
        var form = page.GetByTestId("list-move-form");
        await form.GetByTestId("list-move-target").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "在建" }).ClickAsync();
        // Without a reason the move is refused and nothing moves.
        await form.GetByTestId("list-move-confirm").ClickAsync();
        await Expect(page.Locator(".mud-snackbar").First).ToBeVisibleAsync();
        await Expect(row).ToBeVisibleAsync();
        await form.Locator("input[data-testid=list-move-reason], [data-testid=list-move-reason] input").First.FillAsync("已办理施工许可并开工");
        await form.GetByTestId("list-move-confirm").ClickAsync();
        await Expect(page.Locator($"[data-project-id='{project.Id}']")).ToHaveCountAsync(0);

        await page.GetByTestId("lists-under-construction").ClickAsync();
        await Expect(page.Locator($"[data-project-id='{project.Id}']")).ToBeVisibleAsync();
        var api = await App.ApiAsync("supervisor@approvalflow.local");
        var moved = await api.GetFromJsonAsync<ProjectResponse>($"/api/projects/{project.Id}");
        moved!.List.ShouldBe("under-construction");
    });
}
