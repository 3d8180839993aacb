using System.Security.Claims;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Instances;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Messages;

public sealed record DeliverMessageRequest(string Name, string? BusinessKey, Guid? InstanceId, JsonObject? Variables);

public static class MessagesApi
{
    public static RouteGroupBuilder MapMessagesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/messages").WithTags("Messages");
        group.MapPost("/", DeliverAsync)
            .WithSummary("Delivers a message to the waiting event it correlates with (by business key or instance)");
        return group;
    }

    public static async Task<Ok<InstanceResponse>> DeliverAsync(
        DeliverMessageRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(InstanceResponse.From(await sender.Send(
            new DeliverMessage(Actor.Of(user), request.Name, request.BusinessKey, request.InstanceId, request.Variables), ct)));
}
