using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Engine.Tests.Scenarios;

/// <summary>An errorRef naming no error is the code itself; a called case ending in an error hands back its output variables.</summary>
public class CalledCaseErrorScenarioTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_called_case_that_ends_in_an_error_later_hands_back_its_outputs_before_the_error_is_caught(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAllAsync(ScenarioModel.Bytes("called-case-error"), "test");
        var parent = await h.StartAsync("calledErrorParent", new { precheck = "ok" });
        var child = await h.Db().Set<ProcessInstanceRecord>().SingleAsync(i => i.ParentInstanceId == parent.Id);

        await h.CompleteAsync(child.Id, "assess", new { reject = true, reason = "plans incomplete" });

        var after = await h.InstanceAsync(parent.Id);
        after.ActiveElementIds.ShouldBe(["handleRejection"]);
        after.Variables["rejectionReason"]!.GetValue<string>().ShouldBe("plans incomplete");
        (await h.InstanceAsync(child.Id)).EndReason.ShouldNotBeNull().ShouldContain("'REJECTED'");
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_called_case_that_ends_in_an_error_at_once_hands_back_its_outputs_too(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.Engine().DeployAllAsync(ScenarioModel.Bytes("called-case-error"), "test");

        var parent = await h.StartAsync("calledErrorParent", new { precheck = "missing fee" });

        parent.ActiveElementIds.ShouldBe(["handleRejection"]);
        parent.Variables["checkedPrecheck"]!.GetValue<string>().ShouldBe("missing fee");
        parent.Variables.ContainsKey("rejectionReason").ShouldBeFalse(); // the child set no 'reason': nothing to hand back
        var accepted = await h.StartAsync("calledErrorParent", new { precheck = "ok" });
        var child = await h.Db().Set<ProcessInstanceRecord>().SingleAsync(i => i.ParentInstanceId == accepted.Id);
        await h.CompleteAsync(child.Id, "assess", new { reject = false, reason = "fine" });
        var proceeded = await h.InstanceAsync(accepted.Id);
        proceeded.ActiveElementIds.ShouldBe(["proceed"]);
        proceeded.Variables["rejectionReason"]!.GetValue<string>().ShouldBe("fine");
    }
}
