using ApprovalFlow.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace ApprovalFlow.Web.Identity;

public static class IdentityRegistration
{
    public static IServiceCollection AddAppIdentity(this IServiceCollection services)
    {
        services.AddAuthorization();
        services
            .AddIdentityApiEndpoints<AppUser>(o => o.User.RequireUniqueEmail = true)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>();
        services.AddScoped<IdentitySeeder>();
        // The caller's roles, department and county come from the database at every request (docs/security.md).
        services.AddHttpContextAccessor();
        services.AddScoped<CallerClaimsRefresh>();
        services.AddScoped<IClaimsTransformation>(sp => sp.GetRequiredService<CallerClaimsRefresh>());
        return services;
    }

    /// <summary>
    /// Maps Identity's endpoints under <c>/api/auth</c>. Self-registration is refused unless
    /// <c>ApprovalFlow:AllowSelfRegistration</c> is true: accounts and roles are given by administrators.
    /// </summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        var allowRegistration = configuration.GetValue("ApprovalFlow:AllowSelfRegistration", false);
        app.MapGroup("/api/auth")
            .WithTags("Auth")
            .AddEndpointFilter(async (context, next) =>
                !allowRegistration && context.HttpContext.Request.Path.StartsWithSegments("/api/auth/register")
                    ? TypedResults.Problem(
                        statusCode: StatusCodes.Status403Forbidden,
                        title: "Self-registration is disabled",
                        detail: "Accounts are created by an administrator.")
                    : await next(context))
            .MapIdentityApi<AppUser>();
        return app;
    }
}
