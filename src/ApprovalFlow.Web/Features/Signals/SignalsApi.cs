using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Signals;

public sealed record BroadcastSignalRequest(string? Name, Guid? InstanceId, JsonObject? Variables);

/// <summary>What a signal reached: the instances whose waiting catches received it, and the instances it started.</summary>
public sealed record SignalResponse(string Name, IReadOnlyList<InstanceResponse> Received, IReadOnlyList<InstanceResponse> Started);

public static class SignalsApi
{
    public static RouteGroupBuilder MapSignalsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/signals").WithTags("Signals");
        group.MapPost("/", BroadcastAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Throws a signal: to every waiting signal catch and signal start (administrators), or to one instance waiting for it");
        return group;
    }

    public static async Task<Ok<SignalResponse>> BroadcastAsync(
        BroadcastSignalRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        var broadcast = await sender.Send(new BroadcastSignal(Actor.Of(user), request.Name, request.InstanceId, request.Variables), ct);
        return TypedResults.Ok(new SignalResponse(broadcast.Name,
            broadcast.Received.Select(InstanceResponse.From).ToList(), broadcast.Started.Select(InstanceResponse.From).ToList()));
    }
}
