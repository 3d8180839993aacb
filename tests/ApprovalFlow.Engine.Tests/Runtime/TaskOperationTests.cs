using System.Text;
using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

public class TaskOperationTests
{
    private static readonly string OneTask = Process("one", $"""
        <startEvent id="start" /><userTask id="review" camunda:candidateGroups="planning" /><endEvent id="end" />
        {Flow("a", "start", "review")}{Flow("b", "review", "end")}
        """);

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task Claim_unclaim_and_claim_by_another_officer(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(OneTask);
        var instance = await h.StartAsync("one");
        var task = await h.TaskAsync(instance.Id, "review");

        (await h.Engine().ClaimAsync(task.Id, "wang")).Assignee.ShouldBe("wang");
        (await h.Engine().ClaimAsync(task.Id, "wang")).Assignee.ShouldBe("wang");
        await Should.ThrowAsync<TaskClaimedException>(() => h.Engine().ClaimAsync(task.Id, "zhao"));
        (await h.Engine().UnclaimAsync(task.Id, "wang")).Assignee.ShouldBeNull();
        (await h.Engine().ClaimAsync(task.Id, "zhao")).Assignee.ShouldBe("zhao");
        var events = await h.Db().Set<HistoryRecord>().Where(r => r.InstanceId == instance.Id && r.ElementId == "review").Select(r => r.Event).ToListAsync();
        events.ShouldContain("claimed");
        events.ShouldContain("unclaimed");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task A_delegated_task_goes_back_to_its_owner_on_resolve_and_only_then_completes(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(OneTask);
        var instance = await h.StartAsync("one");
        var task = await h.TaskAsync(instance.Id, "review");
        await h.Engine().ClaimAsync(task.Id, "head");

        var delegated = await h.Engine().DelegateAsync(task.Id, "expert", "head");
        delegated.Assignee.ShouldBe("expert");
        delegated.Owner.ShouldBe("head");
        delegated.Delegation.ShouldBe("pending");
        await Should.ThrowAsync<TaskDelegatedException>(() => h.Engine().CompleteTaskAsync(task.Id, null, "expert"));

        var resolved = await h.Engine().ResolveAsync(task.Id, EngineHarness.Vars(new { expertOpinion = "同意" }), "expert");
        resolved.Assignee.ShouldBe("head");
        resolved.Delegation.ShouldBe("resolved");
        var done = await h.Engine().CompleteTaskAsync(task.Id, null, "head");
        done.Status.ShouldBe("completed");
        done.Variables["expertOpinion"]!.GetValue<string>().ShouldBe("同意");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    public async Task Reassign_candidates_dates_comments_and_attachments_are_kept_and_logged(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployAsync(OneTask);
        var instance = await h.StartAsync("one");
        var task = await h.TaskAsync(instance.Id, "review");
        var engine = h.Engine();

        (await engine.SetAssigneeAsync(task.Id, "li", "head")).Assignee.ShouldBe("li");
        (await engine.AddCandidateGroupAsync(task.Id, "eia", "head")).CandidateGroups.ShouldBe(["planning", "eia"]);
        (await engine.RemoveCandidateGroupAsync(task.Id, "planning", "head")).CandidateGroups.ShouldBe(["eia"]);
        (await engine.AddCandidateUserAsync(task.Id, "zhou", "head")).CandidateUsers.ShouldBe(["zhou"]);
        (await h.Engine().ListOpenTasksAsync(new TaskQuery(CandidateUser: "zhou"))).ShouldHaveSingleItem();
        var due = new DateTime(2026, 3, 20, 9, 0, 0, DateTimeKind.Utc);
        var dated = await engine.SetDatesAsync(task.Id, due, due.AddDays(-3), "head");
        dated.DueAt.ShouldBe(due);
        dated.FollowUpAt.ShouldBe(due.AddDays(-3));
        await Should.ThrowAsync<EngineException>(() => engine.SetDatesAsync(task.Id, due, due.AddDays(1), "head"));

        await engine.AddCommentAsync(task.Id, "请补充规划总平面图", "li");
        var attachment = await engine.AddAttachmentAsync(task.Id, "../../etc/总平面图.pdf", "application/pdf", Encoding.UTF8.GetBytes("%PDF-1.4"), "li");
        attachment.FileName.ShouldBe("总平面图.pdf");
        (await h.Engine().ListCommentsAsync(task.Id)).ShouldHaveSingleItem().Text.ShouldBe("请补充规划总平面图");
        var stored = await h.Engine().GetAttachmentAsync(attachment.Id);
        Encoding.UTF8.GetString(stored!.Value.Content).ShouldBe("%PDF-1.4");
        await Should.ThrowAsync<EngineException>(() => engine.AddAttachmentAsync(task.Id, "empty.pdf", "application/pdf", [], "li"));

        var events = await h.Db().Set<HistoryRecord>().Where(r => r.InstanceId == instance.Id).Select(r => r.Event).ToListAsync();
        events.ShouldContain("reassigned");
        events.ShouldContain("candidate-group-added");
        events.ShouldContain("candidate-group-removed");
        events.ShouldContain("dates-set");
        events.ShouldContain("commented");
        events.ShouldContain("attachment-added");
    }
}
