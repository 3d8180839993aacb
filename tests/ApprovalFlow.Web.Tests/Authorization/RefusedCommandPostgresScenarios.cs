namespace ApprovalFlow.Web.Tests.Authorization;

/// <summary>A sample of the refusals on PostgreSQL, where a refused command's rollback and its audit entry meet a real server.</summary>
public sealed class RefusedCommandPostgresScenarios(PostgresAuthorizationFixture fixture) : IClassFixture<PostgresAuthorizationFixture>
{
    [Theory]
    [InlineData("register project", Callers.Supervisor)]
    [InlineData("start approval", Callers.OtherEnterprise)]
    [InlineData("accept step", Callers.OtherOfficer)]
    [InlineData("decide step", Callers.OwnEnterprise)]
    [InlineData("sign pledge", Callers.OtherEnterprise)]
    [InlineData("record breach", Callers.PairedLeader)]
    [InlineData("set calendar day", Callers.OwnOfficer)]
    [InlineData("suspend instance", Callers.Supervisor)]
    [InlineData("deploy definition", Callers.OwnEnterprise)]
    [InlineData("cancel instance", Callers.Anonymous)]
    public Task A_caller_who_may_not_run_the_command_is_refused_and_nothing_is_written(string command, string caller) =>
        Knock.ShouldBeRefusedAsync(fixture.World, command, caller);
}
