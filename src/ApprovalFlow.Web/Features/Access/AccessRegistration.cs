using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Pledges;
using Microsoft.AspNetCore.Authorization;

namespace ApprovalFlow.Web.Features.Access;

public static class AccessRegistration
{
    /// <summary>The resource rules every endpoint and component asks (docs/security.md).</summary>
    public static IServiceCollection AddAccessRules(this IServiceCollection services)
    {
        services.AddScoped<EngineAuthorization>();
        services.AddScoped<IAuthorizationHandler>(sp => sp.GetRequiredService<EngineAuthorization>());
        services.AddScoped<PledgeAccess>();
        return services;
    }
}
