using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Projects;
using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using ApprovalFlow.Web.Features.Audit;

namespace ApprovalFlow.Web.Features.Instances;

public sealed record StartInstanceRequest(string DefinitionKey, string? BusinessKey, JsonObject? Variables);

public sealed record InstanceStartedResponse(Guid Id, string Status);

public static partial class InstancesApi
{
    public static RouteGroupBuilder MapInstancesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/instances").WithTags("Instances").Audited("instance");
        group.MapPost("/", StartAsync).WithSummary("Starts the newest version of a process");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("A case's state, active elements and variables");
        group.MapGet("/{id:guid}/history", GetElementHistoryAsync).WithSummary("Every element visit of the case, in order");
        group.MapGet("/{id:guid}/audit", GetAuditAsync).WithSummary("The raw history entries of the case");

        group.MapPost("/{id:guid}/cancel", CancelAsync).RequireCaseStaff().RequireInstanceOperator()
            .WithSummary("Ends a running case as terminated, withdrawing its tasks; the reason is kept");
        group.MapPost("/{id:guid}/suspend", SuspendAsync).RequireCaseStaff().RequireInstanceOperator()
            .WithSummary("Holds the case: its tasks cannot be worked and its timers wait");
        group.MapPost("/{id:guid}/resume", ResumeAsync).RequireCaseStaff().RequireInstanceOperator()
            .WithSummary("Lets a suspended case go on");
        group.MapPost("/{id:guid}/send-back", SendBackAsync).RequireCaseStaff().RequireInstanceOperator()
            .WithSummary("Moves the case from an active element back to an earlier one of the same scope");
        return group;
    }

    public static async Task<Results<Created<InstanceStartedResponse>, ValidationProblem>> StartAsync(
        StartInstanceRequest request, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionKey))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["definitionKey"] = ["The key of a deployed process is required."],
            });
        }

        // The approval domain runs these processes: a case starts through POST /api/cases, which also records it.
        if (request.DefinitionKey.Trim() is ShippedWorkflows.PreConstruction or ShippedWorkflows.PledgeSystem && !user.IsInRole(AppRoles.Administrator))
        {
            throw RefusedException.Forbidden($"'{request.DefinitionKey.Trim()}' is started as an approval case: POST /api/cases.");
        }
        var instance = await engine.StartAsync(request.DefinitionKey, request.BusinessKey, request.Variables, Caller.Id(user), ct);
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
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Process instance {id} does not exist.");
}
