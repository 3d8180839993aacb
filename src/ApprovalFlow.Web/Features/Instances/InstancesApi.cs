using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Projects;
using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using Mediator;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Instances;

public sealed record StartInstanceRequest(string DefinitionKey, string? BusinessKey, JsonObject? Variables);

public sealed record InstanceStartedResponse(Guid Id, string Status);

public static partial class InstancesApi
{
    public static RouteGroupBuilder MapInstancesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/instances").WithTags("Instances");
        group.MapPost("/", StartAsync).WithSummary("Starts the newest version of a process");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("A case's state, active elements and variables")
            .RequireInstance(EngineOperation.See);
        group.MapGet("/{id:guid}/history", GetElementHistoryAsync).WithSummary("Every element visit of the case, in order")
            .RequireInstance(EngineOperation.See);
        group.MapGet("/{id:guid}/audit", GetAuditAsync).WithSummary("The raw history entries of the case")
            .RequireInstance(EngineOperation.See);

        group.MapPost("/{id:guid}/cancel", CancelAsync).RequireCaseStaff()
            .WithSummary("Ends a running case as terminated, withdrawing its tasks; the reason is kept");
        group.MapPost("/{id:guid}/suspend", SuspendAsync).RequireCaseStaff()
            .WithSummary("Holds the case: its tasks cannot be worked and its timers wait");
        group.MapPost("/{id:guid}/resume", ResumeAsync).RequireCaseStaff()
            .WithSummary("Lets a suspended case go on");
        group.MapPost("/{id:guid}/send-back", SendBackAsync).RequireCaseStaff()
            .WithSummary("Moves the case from an active element back to an earlier one of the same scope");
        return group;
    }

    public static async Task<Created<InstanceStartedResponse>> StartAsync(
        StartInstanceRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        var instance = await sender.Send(new StartInstance(Actor.Of(user), request.DefinitionKey, request.BusinessKey, request.Variables), ct);
        return TypedResults.Created($"/api/instances/{instance.Id}", new InstanceStartedResponse(instance.Id, instance.Status));
    }

    public static async Task<Results<Ok<InstanceResponse>, ProblemHttpResult>> GetAsync(
        Guid id, WorkflowEngine engine, CancellationToken ct)
    {
        var instance = await engine.GetInstanceAsync(id, ct);
        return instance is null
            ? NotFound(id)
            : TypedResults.Ok(InstanceResponse.From(instance));
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: RefusedException.TitleOf(StatusCodes.Status404NotFound),
            detail: L.T("该流程实例不存在。", $"Process instance {id} does not exist."));
}
