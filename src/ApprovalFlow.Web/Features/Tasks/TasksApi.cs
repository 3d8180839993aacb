using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using Mediator;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Tasks;

public sealed record CompleteTaskRequest(JsonObject? Variables);

public static partial class TasksApi
{
    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks");
        group.MapGet("/", ListOpenAsync).WithSummary("Open tasks, filtered by instance, candidate group, candidate user or assignee");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One task, open or not").RequireTask(EngineOperation.See);
        group.MapPost("/{id:guid}/claim", ClaimAsync).WithSummary("Assigns the task to the caller");
        group.MapPost("/{id:guid}/unclaim", UnclaimAsync).WithSummary("Gives the caller's claim up; the task is nobody's again");
        group.MapPost("/{id:guid}/delegate", DelegateAsync).WithSummary("Hands the task to another user, who resolves it back to its owner");
        group.MapPost("/{id:guid}/resolve", ResolveAsync).WithSummary("The delegate hands the task back to its owner");
        group.MapPost("/{id:guid}/complete", CompleteAsync).WithSummary("Completes the task and runs the case on");
        group.MapPut("/{id:guid}/dates", SetDatesAsync).WithSummary("Sets the due and follow-up dates");

        group.MapPut("/{id:guid}/assignee", SetAssigneeAsync).RequireCaseStaff()
            .WithSummary("Gives the task to another user, or to nobody");
        group.MapPost("/{id:guid}/candidate-groups/{candidateGroup}", AddCandidateGroupAsync).RequireCaseStaff()
            .WithSummary("Lets a further group claim the task");
        group.MapDelete("/{id:guid}/candidate-groups/{candidateGroup}", RemoveCandidateGroupAsync).RequireCaseStaff()
            .WithSummary("Stops a group from claiming the task");
        group.MapPost("/{id:guid}/candidate-users/{candidateUser}", AddCandidateUserAsync).RequireCaseStaff()
            .WithSummary("Lets a further user claim the task");
        group.MapDelete("/{id:guid}/candidate-users/{candidateUser}", RemoveCandidateUserAsync).RequireCaseStaff()
            .WithSummary("Stops a user from claiming the task");

        group.MapGet("/{id:guid}/comments", ListCommentsAsync).WithSummary("The task's comments, oldest first").RequireTask(EngineOperation.See);
        group.MapPost("/{id:guid}/comments", AddCommentAsync).WithSummary("Adds a comment to the task");
        group.MapGet("/{id:guid}/attachments", ListAttachmentsAsync).WithSummary("The task's attachments, without their content")
            .RequireTask(EngineOperation.See);
        group.MapPost("/{id:guid}/attachments", AddAttachmentAsync)
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Attaches one file (PDF, PNG, JPEG, DOCX, XLSX, ZIP or OFD) to the task")
            // Asked before the body is read, so a refused caller uploads nothing; the command asks again.
            .RequireTask(EngineOperation.Annotate);
        return group;
    }

    /// <summary>The open tasks the caller may see (the same rule as one task's route, <see cref="EngineAuthorization"/>).</summary>
    public static async Task<Ok<TaskResponse[]>> ListOpenAsync(
        Guid? instanceId, string? candidateGroup, string? candidateUser, string? assignee, ClaimsPrincipal user, WorkflowEngine engine,
        EngineAuthorization access, CancellationToken ct)
    {
        var tasks = await engine.ListOpenTasksAsync(new TaskQuery(instanceId, candidateGroup, assignee, candidateUser), ct);
        var visible = await access.SeeableAsync(Actor.Of(user), tasks, ct);
        return TypedResults.Ok(visible.Select(TaskResponse.From).ToArray());
    }

    public static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> GetAsync(
        Guid id, WorkflowEngine engine, CancellationToken ct)
    {
        var task = await engine.GetTaskAsync(id, ct);
        return task is null ? NotFound(id) : TypedResults.Ok(TaskResponse.From(task));
    }

    public static async Task<Ok<TaskResponse>> ClaimAsync(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(TaskResponse.From(await sender.Send(new ClaimTask(Actor.Of(user), id), ct)));

    public static async Task<Ok<InstanceResponse>> CompleteAsync(
        Guid id, CompleteTaskRequest? request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(InstanceResponse.From(await sender.Send(new CompleteTask(Actor.Of(user), id, request?.Variables), ct)));

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: RefusedException.TitleOf(StatusCodes.Status404NotFound),
            detail: Ui.Shell.L.T("该任务不存在或您无权查看。", $"Task {id} does not exist."));
}
