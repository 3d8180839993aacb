using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Security;

/// <summary>One app and one world per class: every refused knock must leave it as it was, which each test checks.</summary>
public abstract class SecurityFixture(WebAppFactory factory) : IAsyncLifetime
{
    public WebAppFactory Factory { get; } = factory;

    public SecurityWorld World { get; private set; } = null!;

    public virtual async Task InitializeAsync() => World = await SecurityWorld.CreateAsync(Factory);

    public virtual async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class SqliteSecurityFixture() : SecurityFixture(new WebAppFactory());

public sealed class PostgresSecurityFixture() : SecurityFixture(new PostgresWebAppFactory())
{
    private PostgresWebAppFactory Postgres => (PostgresWebAppFactory)Factory;

    public override async Task InitializeAsync()
    {
        await Postgres.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync() => await ((IAsyncLifetime)Postgres).DisposeAsync();
}
