using ApprovalFlow.Web.Data;
using Microsoft.AspNetCore.Authentication;
using ApprovalFlow.Web.Ui.Shell;
using Microsoft.AspNetCore.Identity;

namespace ApprovalFlow.Web.Identity;

public static class IdentityRegistration
{
    /// <summary>Password length at least 12 with upper and lower case, a digit and a symbol (等保 level 3).</summary>
    public const int PasswordLength = 12;

    public static IServiceCollection AddAppIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthorization();
        var limits = configuration.GetSection(SignInLimits.Section).Get<SignInLimits>() ?? new SignInLimits();
        services
            .AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = PasswordLength;
                o.Password.RequireUppercase = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Password.RequiredUniqueChars = 4;
                // A short lockout that does not grow: failures can keep nobody out for long (see SignInLimits).
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = Math.Max(1, limits.LockoutFailures);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(Math.Max(1, limits.LockoutMinutes));
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>();
        services.AddSignInRateLimiting(configuration);
        services.AddScoped<IdentitySeeder>();
        // The caller's roles, department and county come from the database at every request (docs/security.md).
        services.AddHttpContextAccessor();
        services.AddScoped<CallerClaimsRefresh>();
        services.AddScoped<IClaimsTransformation>(sp => sp.GetRequiredService<CallerClaimsRefresh>());
        services.AddSingleton<DemoMode>();
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
                        title: L.T("未开放自助注册", "Self-registration is disabled"),
                        detail: L.T("账户由管理员开设。", "Accounts are created by an administrator."))
                    : await next(context))
            .AddEndpointFilter(SignInRateLimiting.ThrottleFailuresAsync)
            .MapIdentityApi<AppUser>();
        return app;
    }
}
