using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApprovalFlow.Web.Features.Audit;

public static class AuditRegistration
{
    /// <summary>The log, its verifier and what <see cref="AuditBehavior{TMessage,TResponse}"/> needs; Mediator registers the behaviour itself.</summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<AuditActorSource>();
        services.AddScoped<CommandNesting>();
        return services;
    }
}
