using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using ApprovalFlow.Web.Features.Audit;

namespace ApprovalFlow.Web.Features.Tasks;

public sealed record CompleteTaskRequest(JsonObject? Variables);

public static partial class TasksApi
{
    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks").Audited("task");
        group.MapGet("/", ListOpenAsync).WithSummary("Open tasks, filtered by instance, candidate group, candidate user or assignee");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One task, open or not");
        group.MapPost("/{id:guid}/claim", ClaimAsync).WithSummary("Assigns the task to the caller")
            .RequireTaskWorker();
        group.MapPost("/{id:guid}/unclaim", UnclaimAsync).WithSummary("Gives the caller's claim up; the task is nobody's again")
            .RequireTaskWorker();
        group.MapPost("/{id:guid}/delegate", DelegateAsync).WithSummary("Hands the task to another user, who resolves it back to its owner")
            .RequireTaskWorker();
        group.MapPost("/{id:guid}/resolve", ResolveAsync).WithSummary("The delegate hands the task back to its owner")
            .RequireTaskWorker();
        group.MapPost("/{id:guid}/complete", CompleteAsync).WithSummary("Completes the task and runs the case on")
            .RequireTaskWorker();
        group.MapPut("/{id:guid}/dates", SetDatesAsync).WithSummary("Sets the due and follow-up dates")
            .RequireTaskWorker();

        group.MapPut("/{id:guid}/assignee", SetAssigneeAsync).RequireCaseStaff()
            .WithSummary("Gives the task to another user, or to nobody")
            .RequireTaskWorker();
        group.MapPost("/{id:guid}/candidate-groups/{candidateGroup}", AddCandidateGroupAsync).RequireCaseStaff()
            .WithSummary("Lets a further group claim the task")
            .RequireTaskWorker();
        group.MapDelete("/{id:guid}/candidate-groups/{candidateGroup}", RemoveCandidateGroupAsync).RequireCaseStaff()
            .WithSummary("Stops a group from claiming the task")
            .RequireTaskWorker();
        group.MapPost("/{id:guid}/candidate-users/{candidateUser}", AddCandidateUserAsync).RequireCaseStaff()
            .WithSummary("Lets a further user claim the task")
            .RequireTaskWorker();
        group.MapDelete("/{id:guid}/candidate-users/{candidateUser}", RemoveCandidateUserAsync).RequireCaseStaff()
            .WithSummary("Stops a user from claiming the task")
            .RequireTaskWorker();

        group.MapGet("/{id:guid}/comments", ListCommentsAsync).WithSummary("The task's comments, oldest first");
        group.MapPost("/{id:guid}/comments", AddCommentAsync).WithSummary("Adds a comment to the task")
            .RequireTaskWorker();
        group.MapGet("/{id:guid}/attachments", ListAttachmentsAsync).WithSummary("The task's attachments, without their content");
        group.MapPost("/{id:guid}/attachments", AddAttachmentAsync)
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Attaches one file (PDF, PNG, JPEG, DOCX, XLSX, ZIP or OFD) to the task")
            .RequireTaskWorker();
        return group;
    }

    public static async Task<Ok<TaskResponse[]>> ListOpenAsync(
        Guid? instanceId, string? candidateGroup, string? candidateUser, string? assignee, WorkflowEngine engine, CancellationToken ct)
    {
        var tasks = await engine.ListOpenTasksAsync(new TaskQuery(instanceId, candidateGroup, assignee, candidateUser), ct);
        return TypedResults.Ok(tasks.Select(TaskResponse.From).ToArray());
    }

    public static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> GetAsync(
        Guid id, WorkflowEngine engine, CancellationToken ct)
    {
        var task = await engine.GetTaskAsync(id, ct);
        return task is null ? NotFound(id) : TypedResults.Ok(TaskResponse.From(task));
    }

    public static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> ClaimAsync(
        Guid id, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct)
    {
        if (Caller.Id(user) is not { } caller)
        {
            return OperatorAccess.NoCallerName();
        }
        return TypedResults.Ok(TaskResponse.From(await engine.ClaimAsync(id, caller, ct)));
    }

    public static async Task<Ok<InstanceResponse>> CompleteAsync(
        Guid id, CompleteTaskRequest? request, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct)
    {
        var instance = await engine.CompleteTaskAsync(id, request?.Variables, Caller.Id(user), ct);
        return TypedResults.Ok(InstanceResponse.From(instance));
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Task {id} does not exist.");

    private static ValidationProblem Required(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
