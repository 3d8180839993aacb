using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Instances;

public sealed record StartInstanceRequest(string DefinitionKey, string? BusinessKey, JsonObject? Variables);

public sealed record InstanceStartedResponse(Guid Id, string Status);

public static class InstancesApi
{
    public static RouteGroupBuilder MapInstancesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/instances").WithTags("Instances");
        group.MapPost("/", StartAsync).WithSummary("Starts the newest version of a process");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("A case's state, active elements and variables");
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

        var instance = await engine.StartAsync(request.DefinitionKey, request.BusinessKey, request.Variables, Caller.Id(user), ct);
        return TypedResults.Created($"/api/instances/{instance.Id}", new InstanceStartedResponse(instance.Id, instance.Status));
    }

    public static async Task<Results<Ok<InstanceResponse>, ProblemHttpResult>> GetAsync(
        Guid id, WorkflowEngine engine, CancellationToken ct)
    {
        var instance = await engine.GetInstanceAsync(id, ct);
        return instance is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Process instance {id} does not exist.")
            : TypedResults.Ok(InstanceResponse.From(instance));
    }
}
