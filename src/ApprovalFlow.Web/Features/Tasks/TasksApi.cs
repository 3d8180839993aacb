using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Tasks;

public sealed record TaskResponse(
    Guid Id,
    Guid InstanceId,
    string ElementId,
    string? Name,
    IReadOnlyList<string> CandidateGroups,
    string? Assignee,
    DateTime CreatedAt,
    DateTime? DueAt)
{
    public static TaskResponse From(TaskSnapshot t) =>
        new(t.Id, t.InstanceId, t.ElementId, t.Name, t.CandidateGroups, t.Assignee, t.CreatedAt.AsUtc(), t.DueAt.AsUtc());
}

public sealed record CompleteTaskRequest(JsonObject? Variables);

public static class TasksApi
{
    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks");
        group.MapGet("/", ListOpenAsync).WithSummary("Open tasks, filtered by instance, candidate group or assignee");
        group.MapPost("/{id:guid}/claim", ClaimAsync).WithSummary("Assigns the task to the caller");
        group.MapPost("/{id:guid}/complete", CompleteAsync).WithSummary("Completes the task and runs the case on");
        return group;
    }

    public static async Task<Ok<TaskResponse[]>> ListOpenAsync(
        Guid? instanceId, string? candidateGroup, string? assignee, WorkflowEngine engine, CancellationToken ct)
    {
        var tasks = await engine.ListOpenTasksAsync(new TaskQuery(instanceId, candidateGroup, assignee), ct);
        return TypedResults.Ok(tasks.Select(TaskResponse.From).ToArray());
    }

    public static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> ClaimAsync(
        Guid id, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct)
    {
        if (Caller.Id(user) is not { } caller)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "The caller has no user name to claim with.");
        }
        return TypedResults.Ok(TaskResponse.From(await engine.ClaimAsync(id, caller, ct)));
    }

    public static async Task<Ok<InstanceResponse>> CompleteAsync(
        Guid id, CompleteTaskRequest? request, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct)
    {
        var instance = await engine.CompleteTaskAsync(id, request?.Variables, Caller.Id(user), ct);
        return TypedResults.Ok(InstanceResponse.From(instance));
    }
}
