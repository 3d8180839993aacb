using System.Net;
using ApprovalFlow.Web.Tests.Infrastructure;
using static ApprovalFlow.Web.Tests.Security.SecurityWorld;

namespace ApprovalFlow.Web.Tests.Security;

/// <summary>The lists answer every caller with what it may see only: no other enterprise's, department's or county's rows.</summary>
public sealed class ListScenarios(SqliteSecurityFixture fixture) : IClassFixture<SqliteSecurityFixture>
{
    private SecurityWorld World => fixture.World;

    private async Task<List<Guid>> IdsAsync(string caller, string uri, string idField = "id") =>
        (await World.Client(caller).GetJsonArrayAsync(uri)).Select(t => t![idField]!.GetValue<Guid>()).ToList();

    [Fact]
    public async Task The_generic_task_list_shows_an_enterprise_none_of_another_enterprises_tasks_and_an_officer_only_its_departments()
    {
        // Found: enterprise2 listed 12 of 24 open tasks of other enterprises' projects and of every department.
        (await IdsAsync(OtherEnterprise, $"/api/tasks?instanceId={World.InstanceA}")).ShouldBeEmpty();
        (await IdsAsync(OtherEnterprise, "/api/tasks")).ShouldNotContain(World.LandAcceptTaskA);
        (await IdsAsync(OwnEnterprise, "/api/tasks")).ShouldNotContain(World.LandAcceptTaskA);

        // Found: a natural-resources officer listed 17 tasks of five other departments.
        var landOfficer = await World.Client(LandOfficer).GetJsonArrayAsync("/api/tasks");
        landOfficer.Select(t => t!["id"]!.GetValue<Guid>()).ShouldContain(World.LandAcceptTaskA);
        landOfficer.ShouldAllBe(t => t!["candidateGroups"]!.AsArray().Any(g => g!.GetValue<string>() == "natural-resources"));
        (await IdsAsync(OtherDepartmentOfficer, "/api/tasks")).ShouldNotContain(World.LandAcceptTaskA);
        (await IdsAsync(LandOfficerOtherCounty, "/api/tasks")).ShouldNotContain(World.LandAcceptTaskA);
        (await IdsAsync(LandOfficerSameCounty, "/api/tasks")).ShouldContain(World.LandAcceptTaskA);
        (await IdsAsync(Admin, "/api/tasks")).ShouldContain(World.LandAcceptTaskA);
    }

    [Fact]
    public async Task Cases_and_work_lists_are_scoped_by_enterprise_county_and_paired_leader()
    {
        (await IdsAsync(OwnEnterprise, "/api/cases")).ShouldContain(World.CaseA);
        (await IdsAsync(OtherEnterprise, "/api/cases")).ShouldNotContain(World.CaseA);
        (await IdsAsync(LandOfficerSameCounty, "/api/cases")).ShouldContain(World.CaseA);
        (await IdsAsync(LandOfficerOtherCounty, "/api/cases")).ShouldNotContain(World.CaseA);
        (await IdsAsync(PairedLeader, "/api/cases")).ShouldNotContain(World.CaseA);
        (await IdsAsync(Supervisor, "/api/cases")).ShouldContain(World.CaseA);

        (await IdsAsync(LandOfficerSameCounty, "/api/my/tasks")).ShouldContain(World.LandAcceptTaskA);
        (await IdsAsync(LandOfficerOtherCounty, "/api/my/tasks")).ShouldNotContain(World.LandAcceptTaskA);
        (await IdsAsync(OtherDepartmentOfficer, "/api/my/tasks")).ShouldNotContain(World.LandAcceptTaskA);
    }

    [Fact]
    public async Task Projects_pledges_and_gaps_of_another_county_or_enterprise_are_not_listed()
    {
        (await IdsAsync(LandOfficerOtherCounty, "/api/projects")).ShouldNotContain(World.ProjectA);
        (await IdsAsync(LandOfficerSameCounty, "/api/projects")).ShouldContain(World.ProjectA);
        (await IdsAsync(OtherEnterprise, "/api/projects")).ShouldNotContain(World.ProjectA);
        (await IdsAsync(LandOfficerOtherCounty, "/api/pledges")).ShouldNotContain(World.PlanningPledgeA);
        (await IdsAsync(OtherEnterprise, "/api/pledges")).ShouldNotContain(World.PlanningPledgeA);
        (await IdsAsync(LandOfficer, "/api/pledges")).ShouldContain(World.PlanningPledgeA);
        (await World.Client(LandOfficerOtherCounty).GetAsync($"/api/gaps?projectId={World.ProjectA}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await World.Client(LandOfficerOtherCounty).GetJsonArrayAsync($"/api/gaps?projectId={World.ProjectA}")).ShouldBeEmpty();
    }
}
