using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Tasks;

public sealed record DelegateTaskRequest(string? UserId);

public sealed record ResolveTaskRequest(JsonObject? Variables);

public sealed record SetAssigneeRequest(string? UserId);

public sealed record SetTaskDatesRequest(DateTimeOffset? DueAt, DateTimeOffset? FollowUpAt);

/// <summary>Who holds a task and until when: everything short of completing it.</summary>
public static partial class TasksApi
{
    public static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> UnclaimAsync(
        Guid id, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct) =>
        await ChangeAsync(user, actor => engine.UnclaimAsync(id, actor, ct));

    public static async Task<Results<Ok<TaskResponse>, ValidationProblem, ProblemHttpResult>> DelegateAsync(
        Guid id, DelegateTaskRequest request, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.UserId))
        {
            return Required("userId", "Name the user the task is delegated to.");
        }
        if (Caller.Id(user) is not { } actor)
        {
            return OperatorAccess.NoCallerName();
        }
        return TypedResults.Ok(TaskResponse.From(await engine.DelegateAsync(id, request.UserId, actor, ct)));
    }

    public static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> ResolveAsync(
        Guid id, ResolveTaskRequest? request, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct) =>
        await ChangeAsync(user, actor => engine.ResolveAsync(id, request?.Variables, actor, ct));

    public static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> SetAssigneeAsync(
        Guid id, SetAssigneeRequest request, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct) =>
        await ChangeAsync(user, actor => engine.SetAssigneeAsync(id, request.UserId, actor, ct));

    public static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> AddCandidateGroupAsync(
        Guid id, string candidateGroup, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct) =>
        await ChangeAsync(user, actor => engine.AddCandidateGroupAsync(id, candidateGroup, actor, ct));

    public static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> RemoveCandidateGroupAsync(
        Guid id, string candidateGroup, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct) =>
        await ChangeAsync(user, actor => engine.RemoveCandidateGroupAsync(id, candidateGroup, actor, ct));

    public static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> AddCandidateUserAsync(
        Guid id, string candidateUser, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct) =>
        await ChangeAsync(user, actor => engine.AddCandidateUserAsync(id, candidateUser, actor, ct));

    public static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> RemoveCandidateUserAsync(
        Guid id, string candidateUser, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct) =>
        await ChangeAsync(user, actor => engine.RemoveCandidateUserAsync(id, candidateUser, actor, ct));

    public static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> SetDatesAsync(
        Guid id, SetTaskDatesRequest request, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct) =>
        await ChangeAsync(user, actor => engine.SetDatesAsync(id, request.DueAt?.UtcDateTime, request.FollowUpAt?.UtcDateTime, actor, ct));

    private static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> ChangeAsync(
        ClaimsPrincipal user, Func<string, Task<TaskSnapshot>> change)
    {
        if (Caller.Id(user) is not { } actor)
        {
            return OperatorAccess.NoCallerName();
        }
        return TypedResults.Ok(TaskResponse.From(await change(actor)));
    }
}
