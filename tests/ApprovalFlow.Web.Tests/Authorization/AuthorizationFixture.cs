using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Authorization;

/// <summary>One app and one world for a whole class: every refusal must leave it as it was, which each test checks.</summary>
public abstract class AuthorizationFixture(WebAppFactory factory) : IAsyncLifetime
{
    public WebAppFactory Factory { get; } = factory;

    public AuthorizationWorld World { get; private set; } = null!;

    public virtual async Task InitializeAsync() => World = await AuthorizationWorld.CreateAsync(Factory);

    public virtual async Task DisposeAsync() => await Factory.DisposeAsync();
}
