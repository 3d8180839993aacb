using System.Security.Claims;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;

namespace ApprovalFlow.Web.Ui.Shell;

/// <summary>
/// How pages reach the domain: in-process through Mediator, as the signed-in user, exactly as the API endpoints do.
/// Each call runs in a DI scope of its own, like an HTTP request: a circuit lives for hours, its own scope (and
/// DbContext) would grow stale and be shared by overlapping events.
/// </summary>
public sealed class UiDomain(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<Actor> ActorAsync() => Actor.Of(await UserAsync());

    public Task<T> QueryAsync<T>(Func<Actor, IQuery<T>> query, CancellationToken ct = default) =>
        InScopeAsync(async (services, actor) => await services.GetRequiredService<ISender>().Send(query(actor), ct));

    public Task<T> CommandAsync<T>(Func<Actor, ICommand<T>> command, CancellationToken ct = default) =>
        InScopeAsync(async (services, actor) => await services.GetRequiredService<ISender>().Send(command(actor), ct));

    /// <summary>For the few operations the API does without Mediator (the engine's attachments): a scope and the actor.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Actor, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        // A circuit lives for hours: each call acts with the roles, department and county the database has now.
        var user = await scope.ServiceProvider.GetRequiredService<CallerClaimsRefresh>().RefreshAsync(await UserAsync());
        var actor = Actor.Of(user);
        scope.ServiceProvider.GetRequiredService<AuditActorSource>().User = user;
        return await work(scope.ServiceProvider, actor);
    }
}
