using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Authorization;

public sealed class PostgresAuthorizationFixture() : AuthorizationFixture(new PostgresWebAppFactory())
{
    private PostgresWebAppFactory Postgres => (PostgresWebAppFactory)Factory;

    public override async Task InitializeAsync()
    {
        await Postgres.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync() => await ((IAsyncLifetime)Postgres).DisposeAsync();
}
