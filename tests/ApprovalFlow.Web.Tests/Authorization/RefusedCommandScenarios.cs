namespace ApprovalFlow.Web.Tests.Authorization;

/// <summary>Every role trying every command it must not run, on SQLite: refused, nothing written.</summary>
public sealed class RefusedCommandScenarios(SqliteAuthorizationFixture fixture) : IClassFixture<SqliteAuthorizationFixture>
{
    [Theory]
    [MemberData(nameof(RefusedCommands.Refusals), MemberType = typeof(RefusedCommands))]
    public Task A_caller_who_may_not_run_the_command_is_refused_and_nothing_is_written(string command, string caller) =>
        Knock.ShouldBeRefusedAsync(fixture.World, command, caller);
}
