using System.Net;
using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Security;

/// <summary>
/// The resource matrix on SQLite: each route on enterprise A's case, tasks, step, pledge and files, and on a plain
/// process, knocked on by every signed-in caller. Who may read gets 200; everyone else the refusal the matrix names
/// (404 where the resource must not be known to exist), and nothing is written.
/// </summary>
public sealed class ResourceMatrixScenarios(SqliteSecurityFixture fixture) : IClassFixture<SqliteSecurityFixture>
{
    [Theory]
    [MemberData(nameof(ResourceKnocks.Refusals), MemberType = typeof(ResourceKnocks))]
    public Task A_caller_who_may_not_is_refused_and_nothing_changes(string knock, string caller) =>
        ResourceMatrix.ShouldBeRefusedAsync(fixture.World, ResourceKnocks.Named(knock), caller);

    [Theory]
    [MemberData(nameof(ResourceKnocks.AllowedReads), MemberType = typeof(ResourceKnocks))]
    public async Task A_caller_who_may_read_reads(string knock, string caller)
    {
        var read = ResourceKnocks.Named(knock);
        var response = await fixture.World.Client(caller).GetAsync(read.Path(fixture.World));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{caller} → {knock}: {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>A sample of the matrix on PostgreSQL, where a refused write's rollback meets a real server.</summary>
public sealed class PostgresResourceMatrixScenarios(PostgresSecurityFixture fixture) : IClassFixture<PostgresSecurityFixture>
{
    [Theory]
    [InlineData("GET /api/instances/{id} on case A's instance", SecurityWorld.OtherEnterprise)]
    [InlineData("GET /api/cases/{id}/documents on case A", SecurityWorld.LandOfficerOtherCounty)]
    [InlineData("GET /api/tasks/{id} on land task A", SecurityWorld.LandOfficerOtherCounty)]
    [InlineData("GET /api/attachments/{id} on a file on land task A", SecurityWorld.OtherDepartmentOfficer)]
    [InlineData("POST /api/tasks/{id}/complete on land task A", SecurityWorld.LandOfficer)]
    [InlineData("POST /api/instances/{id}/cancel on case A's instance", SecurityWorld.OtherDepartmentOfficer)]
    [InlineData("POST /api/pledges/{id}/breach on planning pledge A", SecurityWorld.OtherDepartmentOfficer)]
    [InlineData("POST /api/tasks/{id}/accept on land task A", SecurityWorld.LandOfficerOtherCounty)]
    [InlineData("POST /api/steps/{id}/pause on land step A", SecurityWorld.OtherDepartmentOfficer)]
    public Task A_caller_who_may_not_is_refused_and_nothing_changes(string knock, string caller) =>
        ResourceMatrix.ShouldBeRefusedAsync(fixture.World, ResourceKnocks.Named(knock), caller);
}

public static class ResourceMatrix
{
    public static async Task ShouldBeRefusedAsync(SecurityWorld world, ResourceKnock knock, string caller)
    {
        var expected = knock.ExpectedFor(caller);
        var before = await world.SnapshotAsync();
        var caseBefore = await world.CaseAsync(world.CaseA);

        using var request = new HttpRequestMessage(RouteCatalogue.MethodOf(knock.Route), knock.Path(world)) { Content = knock.Content(world) };
        if (knock.Route.EndsWith("/attachments", StringComparison.Ordinal) && !knock.IsRead)
        {
            request.Content = SecurityWorld.PdfUpload("越权.pdf");
        }
        var response = await world.Client(caller).SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"{caller} → {knock.Name}: {body}");
        // A refusal tells nothing of what it guards: neither project A's name nor its code.
        body.ShouldNotContain(world.ProjectNameA, Case.Insensitive, $"{caller} → {knock.Name} leaked the project's name");
        body.ShouldNotContain(world.ProjectCodeA, Case.Insensitive, $"{caller} → {knock.Name} leaked the project's code");

        (await world.SnapshotAsync()).ShouldBeUnchangedFrom(before, $"{caller} → {knock.Name}");
        (await world.CaseAsync(world.CaseA)).ToJsonString().ShouldBe(caseBefore.ToJsonString(), $"{caller} → {knock.Name} changed case A");
    }
}
