using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Instances;
using Microsoft.AspNetCore.Http.HttpResults;
using ApprovalFlow.Web.Features.Audit;

namespace ApprovalFlow.Web.Features.Messages;

public sealed record DeliverMessageRequest(string Name, string? BusinessKey, Guid? InstanceId, JsonObject? Variables);

public static class MessagesApi
{
    public static RouteGroupBuilder MapMessagesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/messages").WithTags("Messages").Audited("message");
        group.MapPost("/", DeliverAsync)
            .WithSummary("Delivers a message to the waiting event it correlates with (by business key or instance)");
        return group;
    }

    public static async Task<Results<Ok<InstanceResponse>, ValidationProblem>> DeliverAsync(
        DeliverMessageRequest request, WorkflowEngine engine, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["name"] = ["The message name is required."],
            });
        }

        var instance = await engine.CorrelateMessageAsync(request.Name, request.BusinessKey, request.InstanceId, request.Variables, ct);
        return TypedResults.Ok(InstanceResponse.From(instance));
    }
}
