using System.Security.Claims;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Instances;

public sealed record CancelInstanceRequest(string? Reason);

public sealed record SuspendInstanceRequest(string? Reason);

public sealed record SendBackRequest(string? FromElementId, string? ToElementId, string? Reason);

public static partial class InstancesApi
{
    public static async Task<Ok<InstanceResponse>> CancelAsync(
        Guid id, CancelInstanceRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        Ok(await sender.Send(new CancelInstance(Actor.Of(user), id, request.Reason), ct));

    public static async Task<Ok<InstanceResponse>> SuspendAsync(
        Guid id, SuspendInstanceRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        Ok(await sender.Send(new SuspendInstance(Actor.Of(user), id, request.Reason), ct));

    public static async Task<Ok<InstanceResponse>> ResumeAsync(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        Ok(await sender.Send(new ResumeInstance(Actor.Of(user), id), ct));

    public static async Task<Ok<InstanceResponse>> SendBackAsync(
        Guid id, SendBackRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        Ok(await sender.Send(new SendInstanceBack(Actor.Of(user), id, request.FromElementId, request.ToElementId, request.Reason), ct));

    private static Ok<InstanceResponse> Ok(InstanceSnapshot instance) => TypedResults.Ok(InstanceResponse.From(instance));
}
