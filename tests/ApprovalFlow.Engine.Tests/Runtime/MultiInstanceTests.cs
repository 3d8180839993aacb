using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

public class MultiInstanceTests
{
    private static string JointReview(string completion, bool sequential = false) => Process("joint", $"""
        <startEvent id="start" />
        <userTask id="review" name="联合审查" camunda:candidateGroups="{"${department}"}">
          <multiInstanceLoopCharacteristics isSequential="{(sequential ? "true" : "false")}" camunda:collection="departments" camunda:elementVariable="department">
            {(completion.Length == 0 ? "" : $"<completionCondition>{System.Security.SecurityElement.Escape(completion)}</completionCondition>")}
          </multiInstanceLoopCharacteristics>
        </userTask>
        <userTask id="issue" />
        <endEvent id="end" />
        {Flow("a", "start", "review")}{Flow("b", "review", "issue")}{Flow("c", "issue", "end")}
        """);

    private static readonly object Departments = new { departments = new[] { "fire", "civil-defence", "planning" } };

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Two_of_three_completes_after_the_second_approval_and_withdraws_the_third_task(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(JointReview("${nrOfCompletedInstances >= 2}"));
        var instance = await h.StartAsync("joint", Departments);
        var tasks = await h.TasksAsync(instance.Id);
        tasks.Select(t => t.CandidateGroups.Single()).ShouldBe(["fire", "civil-defence", "planning"], ignoreOrder: true);

        await h.Engine().CompleteTaskAsync(tasks.Single(t => t.CandidateGroups[0] == "fire").Id, null, "fire-officer");
        (await h.TasksAsync(instance.Id)).Count.ShouldBe(2);
        await h.Engine().CompleteTaskAsync(tasks.Single(t => t.CandidateGroups[0] == "planning").Id, null, "planner");

        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["issue"]);
        var civilId = tasks.Single(x => x.CandidateGroups[0] == "civil-defence").Id;
        var civil = await h.Db().Set<HumanTaskRecord>().SingleAsync(t => t.Id == civilId);
        civil.Status.ShouldBe(HumanTaskStatus.Cancelled);
        (await h.InstanceAsync(instance.Id)).ActiveElementIds.ShouldBe(["issue"]);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task Any_rejection_ends_the_joint_review_at_once(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(JointReview("${decision == 'reject'}"));
        var instance = await h.StartAsync("joint", Departments);
        var tasks = await h.TasksAsync(instance.Id);
        await h.Engine().CompleteTaskAsync(tasks[0].Id, HarnessVars(new { decision = "approve" }), "a");
        (await h.TasksAsync(instance.Id)).Count.ShouldBe(2);
        await h.Engine().CompleteTaskAsync(tasks[1].Id, HarnessVars(new { decision = "reject" }), "b");
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["issue"]);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task All_must_approve_waits_for_every_department(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(JointReview(""));
        var instance = await h.StartAsync("joint", Departments);
        var tasks = await h.TasksAsync(instance.Id);
        foreach (var task in tasks.Take(2)) await h.Engine().CompleteTaskAsync(task.Id, null, "x");
        (await h.TasksAsync(instance.Id)).ShouldHaveSingleItem().ElementId.ShouldBe("review");
        await h.Engine().CompleteTaskAsync(tasks[2].Id, null, "x");
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["issue"]);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Sequential_multi_instance_offers_one_department_after_another(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(JointReview("", sequential: true));
        var instance = await h.StartAsync("joint", Departments);
        foreach (var department in new[] { "fire", "civil-defence", "planning" })
        {
            var task = (await h.TasksAsync(instance.Id)).ShouldHaveSingleItem();
            task.CandidateGroups.ShouldBe([department]);
            await h.Engine().CompleteTaskAsync(task.Id, null, department);
        }
        (await h.TasksAsync(instance.Id)).Select(t => t.ElementId).ShouldBe(["issue"]);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task An_empty_collection_skips_the_task_and_a_missing_one_is_refused(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(JointReview(""));
        var empty = await h.StartAsync("joint", new { departments = Array.Empty<string>() });
        empty.ActiveElementIds.ShouldBe(["issue"]);
        var error = await Should.ThrowAsync<ExecutionException>(() => h.StartAsync("joint"));
        error.ElementId.ShouldBe("review");
    }

    private static System.Text.Json.Nodes.JsonObject? HarnessVars(object o) => EngineHarness.Vars(o);
}
