using System.Security.Claims;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Identity;

namespace ApprovalFlow.Web.Features.Instances;

/// <summary>
/// Who may act on a task or case through the generic engine endpoints: an administrator; for a task, its
/// assignee, owner or candidate user, or an officer of one of its candidate groups (departments); for a
/// case, anyone who may act on one of its open tasks. Checked by an endpoint filter before the handler runs,
/// so a refused caller changes nothing.
/// </summary>
public static class WorkAccess
{
    public static TBuilder RequireTaskWorker<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!TryRouteId(http, out var taskId) || http.User.IsInRole(AppRoles.Administrator)) return await next(context);
            var engine = http.RequestServices.GetRequiredService<WorkflowEngine>();
            var task = await engine.GetTaskAsync(taskId, http.RequestAborted);
            if (task is null || MayWorkOn(http.User, task)) return await next(context); // a missing task: the handler answers 404
            return Refused($"Task {taskId} is for {Describe(task)}; only its department's officers, its assignee or an administrator may act on it.");
        });

    public static TBuilder RequireInstanceOperator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!TryRouteId(http, out var instanceId) || http.User.IsInRole(AppRoles.Administrator)) return await next(context);
            var engine = http.RequestServices.GetRequiredService<WorkflowEngine>();
            // A missing or ended case changes nothing whoever asks: the handler answers 404 or 409.
            if (await engine.GetInstanceAsync(instanceId, http.RequestAborted) is not { Status: "running" }) return await next(context);
            var tasks = await engine.ListOpenTasksAsync(new TaskQuery(InstanceId: instanceId), http.RequestAborted);
            if (tasks.Any(t => MayWorkOn(http.User, t))) return await next(context);
            return Refused($"Case {instanceId} has no open task of your department; only its officers or an administrator may operate on it.");
        });

    public static bool MayWorkOn(ClaimsPrincipal user, TaskSnapshot task)
    {
        if (user.IsInRole(AppRoles.Administrator)) return true;
        if (Caller.Id(user) is { } caller && (task.Assignee == caller || task.Owner == caller || task.CandidateUsers.Contains(caller)))
            return true;
        return user.IsInRole(AppRoles.Officer)
            && user.FindFirstValue(AppClaimTypes.Department) is { Length: > 0 } department
            && task.CandidateGroups.Contains(department);
    }

    private static bool TryRouteId(HttpContext http, out Guid id)
    {
        id = Guid.Empty;
        return http.Request.RouteValues.TryGetValue("id", out var raw) && Guid.TryParse(raw?.ToString(), out id);
    }

    private static string Describe(TaskSnapshot task) =>
        task.CandidateGroups.Count > 0 ? string.Join(", ", task.CandidateGroups) : task.Assignee ?? "its assignee";

    private static IResult Refused(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}
