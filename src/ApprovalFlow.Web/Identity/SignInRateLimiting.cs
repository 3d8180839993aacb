using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Identity;

/// <summary>
/// ASP.NET Core rate limiting of sign-in: every POST to <c>/api/auth/login</c> or the sign-in page counts against the
/// client address (a fixed window of a minute); over the limit the answer is 429 with a ProblemDetails in the request's
/// language and a Retry-After header. Failed sign-ins per account are counted by <see cref="SignInThrottle"/>.
/// </summary>
public static class SignInRateLimiting
{
    public const string ApiLoginPath = "/api/auth/login";
    public const string PageLoginPath = "/account/login";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInLimits>(configuration.GetSection(SignInLimits.Section));
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!IsSignIn(context.Request)) return RateLimitPartition.GetNoLimiter("");
                var limits = context.RequestServices.GetRequiredService<IOptions<SignInLimits>>().Value;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter("sign-in|" + address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, limits.PermitsPerAddressPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (rejected, ct) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                await SignInThrottle.TooManyAttempts(rejected.HttpContext, retryAfter).ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals(ApiLoginPath, StringComparison.OrdinalIgnoreCase) || request.Path.Equals(PageLoginPath, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// On <c>POST /api/auth/login</c>: refuses with 429 an account that has used up its failures from this address, and
    /// counts a refused sign-in (401) as a failure.
    /// </summary>
    public static async ValueTask<object?> ThrottleFailuresAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Path.Equals(ApiLoginPath, StringComparison.OrdinalIgnoreCase)) return await next(context);
        var throttle = http.RequestServices.GetRequiredService<SignInThrottle>();
        var login = context.Arguments.OfType<LoginRequest>().FirstOrDefault();
        var key = SignInThrottle.KeyOf(login?.Email, http.Connection.RemoteIpAddress);
        if (throttle.IsBlocked(key)) return SignInThrottle.TooManyAttempts(http, throttle.RetryAfter);

        var result = await next(context);
        var inner = result;
        while (inner is INestedHttpResult nested) inner = nested.Result;
        if (inner is IStatusCodeHttpResult { StatusCode: StatusCodes.Status401Unauthorized }) throttle.RecordFailure(key);
        return result;
    }
}
