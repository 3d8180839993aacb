using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Engine.Tests.Workflows;

public class PledgeSystemApprovalTests
{
    private static readonly string[] Verifiers = ["natural-resources", "ecology-environment", "emergency-management"];

    /// <summary>Deploys the shipped model and runs a case up to the departments' verification of the pledge.</summary>
    private static async Task<Guid> StartBuildingOnPledgeAsync(EngineHarness h)
    {
        await h.DeployShippedAsync(ShippedWorkflow.PledgeSystem);
        var instance = await h.StartAsync(ShippedWorkflow.PledgeSystem, businessKey: "2601-131102-04-01-654321");
        await h.CompleteAsync(instance.Id, "checkLandAndFiling", new { pledgeEligible = true });
        (await h.TaskAsync(instance.Id, "signPledge")).CandidateGroups.ShouldBe(["enterprise"]);
        await h.CompleteAsync(instance.Id, "signPledge");
        (await h.CountAsync(instance.Id, "pledgeReplacesReview", "passed")).ShouldBe(1);

        var start = await h.TaskAsync(instance.Id, "startConstruction");
        start.CandidateGroups.ShouldBe(["housing-construction"]);
        start.DueAt.ShouldNotBeNull();
        await h.CompleteAsync(instance.Id, "startConstruction", new { verifyingDepartments = Verifiers });
        return instance.Id;
    }

    private static async Task VerifyAsync(EngineHarness h, Guid id, string department, string method, bool broken)
    {
        var task = (await h.TasksAsync(id)).Single(t => t.ElementId == "verifyByDepartment" && t.CandidateGroups.Single() == department);
        await h.Engine().CompleteTaskAsync(task.Id, EngineHarness.Vars(new { pledgeBroken = broken, verificationMethod = method }), department);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_kept_pledge_is_verified_by_every_department_in_parallel_and_closes_with_combined_acceptance(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        var id = await StartBuildingOnPledgeAsync(h);
        (await h.TasksAsync(id)).Select(t => t.CandidateGroups.Single()).ShouldBe(Verifiers, ignoreOrder: true);

        await VerifyAsync(h, id, "ecology-environment", "written", broken: false);
        await VerifyAsync(h, id, "natural-resources", "site", broken: false);
        (await h.OpenTaskElementsAsync(id)).ShouldBe(["verifyByDepartment"]);
        await VerifyAsync(h, id, "emergency-management", "public-notice", broken: false);

        (await h.TaskAsync(id, "combinedAcceptance")).CandidateGroups.ShouldBe(["housing-construction"]);
        (await h.CompleteAsync(id, "combinedAcceptance")).Status.ShouldBe("completed");
        (await h.CountAsync(id, "endAccepted", "reached")).ShouldBe(1);
        // The pledge replaced the design reviews: no review task ever ran.
        var taskElements = await h.Db().Set<HumanTaskRecord>().Where(t => t.InstanceId == id).Select(t => t.ElementId).ToListAsync();
        taskElements.ShouldBe(
            ["checkLandAndFiling", "signPledge", "startConstruction", "verifyByDepartment", "verifyByDepartment", "verifyByDepartment", "combinedAcceptance"],
            ignoreOrder: true);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_broken_pledge_interrupts_the_verification_and_goes_to_revocation_and_the_credit_record(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        var id = await StartBuildingOnPledgeAsync(h);

        await VerifyAsync(h, id, "natural-resources", "online", broken: false);
        await VerifyAsync(h, id, "ecology-environment", "site", broken: true);

        var revoke = await h.TaskAsync(id, "revokeAndRecordCredit");
        revoke.CandidateGroups.ShouldBe(["administrative-approval"]);
        (await h.OpenTaskElementsAsync(id)).ShouldBe(["revokeAndRecordCredit"]);
        (await h.CountAsync(id, "pledgeBrokenEnd", "error-thrown")).ShouldBe(1);
        (await h.CountAsync(id, "pledgeBrokenCaught", "error-caught")).ShouldBe(1);
        // The third department's verification is withdrawn, not left open.
        (await h.Db().Set<HumanTaskRecord>().CountAsync(t => t.InstanceId == id && t.ElementId == "verifyByDepartment" && t.Status == HumanTaskStatus.Cancelled))
            .ShouldBe(1);

        (await h.CompleteAsync(id, "revokeAndRecordCredit")).Status.ShouldBe("completed");
        (await h.CountAsync(id, "endRevoked", "reached")).ShouldBe(1);
        (await h.Db().Set<HumanTaskRecord>().CountAsync(t => t.InstanceId == id && t.ElementId == "combinedAcceptance")).ShouldBe(0);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_project_without_land_or_online_filing_is_not_taken_into_the_pledge_system(StoreKind store)
    {
        await using var h = await EngineHarness.CreateAsync(store);
        await h.DeployShippedAsync(ShippedWorkflow.PledgeSystem);
        var instance = await h.StartAsync(ShippedWorkflow.PledgeSystem, businessKey: "2601-131102-04-01-000001");

        (await h.CompleteAsync(instance.Id, "checkLandAndFiling", new { pledgeEligible = false })).Status.ShouldBe("completed");
        (await h.CountAsync(instance.Id, "endNotEligible", "reached")).ShouldBe(1);
        (await h.Db().Set<HumanTaskRecord>().CountAsync(t => t.InstanceId == instance.Id && t.ElementId == "signPledge")).ShouldBe(0);
    }
}
