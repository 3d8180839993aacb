using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Access;
using Microsoft.AspNetCore.Authorization;

namespace ApprovalFlow.Web.Features.Instances;

/// <summary>
/// Endpoint filters of the generic engine routes: load the route's task or instance and ask the authorisation service
/// (<see cref="EngineAuthorization"/>) before the handler runs, so a refused caller changes nothing. A missing resource
/// passes: the handler answers 404 whoever asks.
/// </summary>
public static class EngineAccess
{
    public static TBuilder RequireTask<TBuilder>(this TBuilder builder, EngineOperation operation) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!TryRouteId(http, out var id)) return await next(context);
            var task = await http.RequestServices.GetRequiredService<WorkflowEngine>().GetTaskAsync(id, http.RequestAborted);
            return task is null ? await next(context) : await AuthorizedAsync(http, task, operation) ?? await next(context);
        });

    public static TBuilder RequireInstance<TBuilder>(this TBuilder builder, EngineOperation operation) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!TryRouteId(http, out var id)) return await next(context);
            var instance = await http.RequestServices.GetRequiredService<WorkflowEngine>().GetInstanceAsync(id, http.RequestAborted);
            return instance is null ? await next(context) : await AuthorizedAsync(http, instance, operation) ?? await next(context);
        });

    /// <summary>Null when the caller may; otherwise the refusal as ProblemDetails with the handler's status.</summary>
    public static async Task<IResult?> AuthorizedAsync(HttpContext http, object resource, EngineOperation operation)
    {
        var result = await http.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, resource, operation);
        if (result.Succeeded) return null;
        var (status, message) = AccessRefusal.Of(result);
        return TypedResults.Problem(statusCode: status, title: Projects.RefusedException.TitleOf(status), detail: message);
    }

    private static bool TryRouteId(HttpContext http, out Guid id)
    {
        id = Guid.Empty;
        return http.Request.RouteValues.TryGetValue("id", out var raw) && Guid.TryParse(raw?.ToString(), out id);
    }
}
