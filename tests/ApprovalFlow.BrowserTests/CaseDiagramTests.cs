using System.Net.Http.Json;
using ApprovalFlow.BrowserTests.Infrastructure;
using ApprovalFlow.Web.Features.Gaps;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ApprovalFlow.BrowserTests;

public sealed class CaseDiagramTests(BrowserWorld world) : BrowserTest(world)
{
    [Fact]
    public Task An_officer_completes_a_step_from_the_case_diagram_and_accepts_another_with_a_tolerated_gap() => ScenarioAsync(async () =>
    {
        var setup = new CaseSetup(App);
        var approval = await setup.RegisteredCaseAsync("浏览器测试·图上办理项目");
        // The enterprise has signed a tolerated-gap pledge for planning, as it does in its portal before such an acceptance.
        var pledge = await setup.SignGapPledgeAsync(approval.ProjectId, "planning");

        var officer = await SignedInAsync(CaseSetup.NaturalResourcesOfficer);
        var page = officer.Page;
        await officer.GoToAsync($"/cases/{approval.Id}");
        await Expect(page.GetByTestId("case-title")).ToHaveTextAsync("浏览器测试·图上办理项目");
        await Expect(page.GetByTestId("case-diagram")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(Waiting(page, "landAccept")).ToHaveAttributeAsync("data-may-act", "true");

        // The land step, task by task, each opened by clicking the waiting task in the diagram.
        await ActFromDiagramAsync(page, "landAccept", "土地手续受理", "accept");
        await ActFromDiagramAsync(page, "landReview", "土地手续审查", "review", "材料齐全，符合要求。");
        await ActFromDiagramAsync(page, "landDecide", "土地手续决定", "approve", "同意。");

        var afterLand = await setup.CaseAsync(CaseSetup.NaturalResourcesOfficer, approval.Id);
        afterLand.Steps.Single(s => s.StepCode == "land").Status.ShouldBe("approved");

        // Planning: accepted with the business licence missing, on the enterprise's pledge, the deadline left at the limit.
        await OpenFromDiagramAsync(page, "planningAccept", "规划受理");
        await page.GetByTestId("action-accept-with-gap").ClickAsync();
        await Expect(page.GetByTestId("gap-pledge-text")).ToContainTextAsync(pledge.Text);
        await CheckAsync(page, "gap-material-business-licence");
        await page.GetByTestId("confirm-accept-with-gap").ClickAsync();
        await Expect(Waiting(page, "planningAccept")).ToHaveCountAsync(0);
        await Expect(Waiting(page, "planningReview")).ToBeVisibleAsync();

        var afterPlanning = await setup.CaseAsync(CaseSetup.NaturalResourcesOfficer, approval.Id);
        afterPlanning.Steps.Single(s => s.StepCode == "planning").Status.ShouldBe("underReview");
        var api = await App.ApiAsync(CaseSetup.NaturalResourcesOfficer);
        var gaps = await api.GetFromJsonAsync<ToleratedGapResponse[]>($"/api/gaps?projectId={approval.ProjectId}");
        var gap = gaps!.ShouldHaveSingleItem();
        gap.Status.ShouldBe("open");
        gap.PledgeId.ShouldBe(pledge.Id);
        gap.Materials.Select(m => m.Code).ShouldBe(["business-licence"]);
    });

    /// <summary>
    /// Clicks the waiting task in the case diagram (opening its step first when the diagram shows the top level or another
    /// step) and checks that the task panel opened on it.
    /// </summary>
    private static async Task OpenFromDiagramAsync(IPage page, string elementId, string taskName)
    {
        var task = page.Locator($"g.djs-element[data-element-id=\"{elementId}\"]");
        if (!await task.IsVisibleAsync())
        {
            await TopLevelAsync(page);
            await page.Locator($"g.djs-element[data-af-step=true][data-element-id=\"{StepOf(elementId)}Step\"]").ClickAsync();
            await Expect(task).ToBeVisibleAsync();
        }
        await task.ClickAsync();
        await Expect(page.GetByTestId("task-name")).ToHaveTextAsync(taskName);
    }

    private static async Task ActFromDiagramAsync(IPage page, string elementId, string taskName, string action, string? opinion = null)
    {
        await OpenFromDiagramAsync(page, elementId, taskName);
        await page.GetByTestId($"action-{action}").ClickAsync();
        if (opinion is not null)
            await page.Locator("textarea[data-testid=action-opinion], [data-testid=action-opinion] textarea, input[data-testid=action-opinion], [data-testid=action-opinion] input").First.FillAsync(opinion);
        await page.GetByTestId($"confirm-{action}").ClickAsync();
        // Done: the drawer closes and the diagram's waiting tasks move on.
        await Expect(Waiting(page, elementId)).ToHaveCountAsync(0);
    }

    /// <summary>The step a shipped task id belongs to (the step shapes of the shipped model carry the step code as id).</summary>
    private static string StepOf(string elementId) =>
        new[] { "land", "planning", "eia", "safety", "permit" }.Single(code => elementId.StartsWith(code, StringComparison.Ordinal));

    /// <summary>Back to the top level through the breadcrumbs, if a step is open.</summary>
    private static async Task TopLevelAsync(IPage page)
    {
        var crumbs = page.Locator(".bjs-breadcrumbs li");
        if (await crumbs.CountAsync() > 1) await crumbs.First.ClickAsync();
    }

    [Fact]
    public Task At_1366_by_768_the_case_opens_on_five_readable_steps_and_a_step_opens_to_its_task() => ScenarioAsync(async () =>
    {
        var setup = new CaseSetup(App);
        var approval = await setup.RegisteredCaseAsync("浏览器测试·五个事项一览项目");
        var officer = await SignedInAsync(CaseSetup.NaturalResourcesOfficer);
        var page = officer.Page;
        await page.SetViewportSizeAsync(1366, 768);
        await officer.GoToAsync($"/cases/{approval.Id}");
        await Expect(page.GetByTestId("case-diagram")).ToHaveAttributeAsync("data-ready", "true");

        // The top level: registration, the five steps side by side, the confirmation of the start.
        var steps = page.Locator("g.djs-element[data-af-step=true]");
        await Expect(steps).ToHaveCountAsync(5);
        foreach (var (code, name) in new[] { ("land", "土地手续"), ("planning", "规划"), ("eia", "环评"), ("safety", "安评"), ("permit", "施工许可") })
        {
            var shape = page.Locator($"g.djs-element[data-af-step=true][data-element-id=\"{code}Step\"]");
            await Expect(shape).ToBeVisibleAsync();
            await Expect(shape).ToContainTextAsync(name);
            // Readable without zooming: the 210-unit step shape is drawn at least 160 px wide, so its 12 px labels stay >= 9 px.
            var box = (await shape.BoundingBoxAsync())!;
            box.Width.ShouldBeGreaterThanOrEqualTo(160, $"step {code} is drawn {box.Width} px wide");
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(1366);
            var overlay = page.Locator($"[data-testid=step-overlay][data-element-id=\"{code}Step\"]");
            await Expect(overlay).ToContainTextAsync("待受理");
        }
        await Expect(page.Locator("[data-testid=step-overlay][data-element-id=\"landStep\"]")).ToContainTextAsync("待签收");
        await Expect(page.Locator("g.djs-element[data-element-id=\"landAccept\"]")).Not.ToBeVisibleAsync();
        await page.EvaluateAsync("() => document.fonts.ready");
        Directory.CreateDirectory(Repository.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, "case-steps.png"), Animations = ScreenshotAnimations.Disabled });

        // Drilling into the land step shows its current task, highlighted and actionable; acting on it works.
        await page.Locator("g.djs-element[data-af-step=true][data-element-id=\"landStep\"]").ClickAsync();
        var accept = page.Locator("g.djs-element[data-element-id=\"landAccept\"]");
        await Expect(accept).ToBeVisibleAsync();
        await Expect(accept).ToHaveAttributeAsync("data-af-may-act", "true");
        await Expect(page.Locator("g.djs-element[data-element-id=\"planningAccept\"]")).Not.ToBeVisibleAsync();
        await ActFromDiagramAsync(page, "landAccept", "土地手续受理", "accept");
        (await setup.CaseAsync(CaseSetup.NaturalResourcesOfficer, approval.Id)).Steps.Single(s => s.StepCode == "land").Status.ShouldBe("underReview");

        // Back at the top level the land step now reads as under review, with its deadline.
        await TopLevelAsync(page);
        await Expect(page.Locator("[data-testid=step-overlay][data-element-id=\"landStep\"]")).ToContainTextAsync("审查中");
    });

    /// <summary>The row of a waiting task in the list under the case diagram.</summary>
    private static ILocator Waiting(IPage page, string elementId) =>
        page.Locator($"[data-testid=case-diagram-task][data-element-id=\"{elementId}\"]");

    /// <summary>Ticks a MudCheckBox (its test id may sit on the input or on its wrapper).</summary>
    private static async Task CheckAsync(IPage page, string testId)
    {
        var box = page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
        await box.CheckAsync();
        await Expect(box).ToBeCheckedAsync();
    }
}
