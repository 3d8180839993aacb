using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
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
    public static async Task<Ok<TaskResponse>> UnclaimAsync(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        Ok(await sender.Send(new UnclaimTask(Actor.Of(user), id), ct));

    public static async Task<Ok<TaskResponse>> DelegateAsync(
        Guid id, DelegateTaskRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        Ok(await sender.Send(new DelegateTask(Actor.Of(user), id, request.UserId), ct));

    public static async Task<Ok<TaskResponse>> ResolveAsync(
        Guid id, ResolveTaskRequest? request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        Ok(await sender.Send(new ResolveTask(Actor.Of(user), id, request?.Variables), ct));

    public static async Task<Ok<TaskResponse>> SetAssigneeAsync(
        Guid id, SetAssigneeRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        Ok(await sender.Send(new SetTaskAssignee(Actor.Of(user), id, request.UserId), ct));

    public static async Task<Ok<TaskResponse>> AddCandidateGroupAsync(
        Guid id, string candidateGroup, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        Ok(await sender.Send(new ChangeTaskCandidates(Actor.Of(user), id, TaskCandidateKind.Group, candidateGroup, Add: true), ct));

    public static async Task<Ok<TaskResponse>> RemoveCandidateGroupAsync(
        Guid id, string candidateGroup, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        Ok(await sender.Send(new ChangeTaskCandidates(Actor.Of(user), id, TaskCandidateKind.Group, candidateGroup, Add: false), ct));

    public static async Task<Ok<TaskResponse>> AddCandidateUserAsync(
        Guid id, string candidateUser, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        Ok(await sender.Send(new ChangeTaskCandidates(Actor.Of(user), id, TaskCandidateKind.User, candidateUser, Add: true), ct));

    public static async Task<Ok<TaskResponse>> RemoveCandidateUserAsync(
        Guid id, string candidateUser, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        Ok(await sender.Send(new ChangeTaskCandidates(Actor.Of(user), id, TaskCandidateKind.User, candidateUser, Add: false), ct));

    public static async Task<Ok<TaskResponse>> SetDatesAsync(
        Guid id, SetTaskDatesRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        Ok(await sender.Send(new SetTaskDates(Actor.Of(user), id, request.DueAt, request.FollowUpAt), ct));

    private static Ok<TaskResponse> Ok(TaskSnapshot task) => TypedResults.Ok(TaskResponse.From(task));
}
