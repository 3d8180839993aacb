using System.Security.Claims;
using ApprovalFlow.Web.Common;
using ApprovalFlow.Web.Features.Audit;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Audit;

public delegate ValueTask<TResponse> TestHandler<in TCommand, TResponse>(TCommand command, IServiceProvider services, CancellationToken ct);

/// <summary>
/// Runs a test command through the app's command behaviours, built from the app's container, in the order
/// Program.cs gives them (transaction outside, audit inside), as if an HTTP request of <c>user</c> sent it.
/// </summary>
public static class AuditPipeline
{
    public static async Task<TResponse> SendAsync<TCommand, TResponse>(
        IServiceProvider app, TCommand command, ClaimsPrincipal? user, TestHandler<TCommand, TResponse> handler)
        where TCommand : ICommand<TResponse>
    {
        await using var scope = app.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = user is null ? null : new DefaultHttpContext { User = user, RequestServices = scope.ServiceProvider };
        try
        {
            return await Within(scope.ServiceProvider, handler)(command, CancellationToken.None);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    /// <summary>The pipeline in an existing scope: what a handler that sends another command runs.</summary>
    public static MessageHandlerDelegate<TCommand, TResponse> Within<TCommand, TResponse>(
        IServiceProvider scope, TestHandler<TCommand, TResponse> handler)
        where TCommand : ICommand<TResponse>
    {
        var transaction = ActivatorUtilities.CreateInstance<CommandTransactionBehavior<TCommand, TResponse>>(scope);
        var audit = ActivatorUtilities.CreateInstance<AuditBehavior<TCommand, TResponse>>(scope);
        MessageHandlerDelegate<TCommand, TResponse> handle = (message, ct) => handler(message, scope, ct);
        MessageHandlerDelegate<TCommand, TResponse> audited = (message, ct) => audit.Handle(message, handle, ct);
        return (message, ct) => transaction.Handle(message, audited, ct);
    }

    public static ClaimsPrincipal User(string email, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Email, email), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            authenticationType: "Test"));
}
