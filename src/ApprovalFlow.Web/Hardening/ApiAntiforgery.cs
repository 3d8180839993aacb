using ApprovalFlow.Web.Ui.Shell;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Net.Http.Headers;

namespace ApprovalFlow.Web.Hardening;

/// <summary>
/// Antiforgery for the API's writes made with the sign-in cookie. A browser sends the cookie with any request another
/// site makes it send, but it cannot add a header to a cross-site request: so a write (POST, PUT, PATCH, DELETE) under
/// <c>/api</c> by a caller signed in with the cookie must carry the antiforgery token in the
/// <see cref="HeaderName"/> header (from <c>GET /api/antiforgery</c>). Callers with a bearer token are not asked: the
/// token itself is the header a forged request cannot carry. Anonymous requests are left to the endpoint (sign-in).
/// </summary>
public sealed class ApiAntiforgery(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "X-XSRF-TOKEN";
    public const string TokenRoute = "/antiforgery";

    public async Task InvokeAsync(HttpContext context)
    {
        if (NeedsToken(context) && !await antiforgery.IsRequestValidAsync(context))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: L.T("缺少防伪令牌", "Antiforgery token missing"),
                detail: L.T(
                    $"以登录 Cookie 调用接口写入数据时，请在 {HeaderName} 请求头中附上 GET /api/antiforgery 取得的令牌，或改用访问令牌（Bearer）。",
                    $"A write to the API signed in with the cookie must carry the token of GET /api/antiforgery in the {HeaderName} header, or use a bearer token instead."))
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool NeedsToken(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
             || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method))
        && context.User.Identity?.IsAuthenticated == true
        && !context.Request.Headers[HeaderNames.Authorization].ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}

public static class ApiAntiforgeryRegistration
{
    public static IServiceCollection AddApiAntiforgery(this IServiceCollection services) =>
        services.AddAntiforgery(o => o.HeaderName = ApiAntiforgery.HeaderName);

    /// <summary>After authentication, so that the middleware knows how the caller signed in.</summary>
    public static WebApplication UseApiAntiforgery(this WebApplication app)
    {
        app.UseMiddleware<ApiAntiforgery>();
        return app;
    }

    /// <summary><c>GET /api/antiforgery</c>: the token (and its cookie) a cookie-signed-in caller sends with API writes.</summary>
    public static RouteGroupBuilder MapApiAntiforgery(this RouteGroupBuilder api)
    {
        api.MapGet(ApiAntiforgery.TokenRoute, (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return TypedResults.Ok(new AntiforgeryTokenResponse(ApiAntiforgery.HeaderName, tokens.RequestToken!));
        }).WithTags("Auth");
        return api;
    }
}

public sealed record AntiforgeryTokenResponse(string HeaderName, string Token);
