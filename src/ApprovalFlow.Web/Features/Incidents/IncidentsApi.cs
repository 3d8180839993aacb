using ApprovalFlow.Web.Features.Projects;
using Mediator;
using System.Security.Claims;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Incidents;

public sealed record IncidentResponse(
    Guid Id,
    Guid InstanceId,
    string ElementId,
    string Message,
    int Attempts,
    string Status,
    DateTime CreatedAt,
    DateTime? ResolvedAt,
    string? ResolvedBy,
    string? Resolution)
{
    public static IncidentResponse From(Incident i) =>
        new(i.Id, i.InstanceId, i.ElementId, i.Message, i.Attempts, i.Status, i.CreatedAt.AsUtc(), i.ResolvedAt.AsUtc(), i.ResolvedBy, i.Resolution);
}

public sealed record ResolveIncidentRequest(string? Note);

/// <summary>Service tasks whose retries ran out: an administrator retries them or declares the work done by hand.</summary>
public static class IncidentsApi
{
    public static RouteGroupBuilder MapIncidentsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/incidents").WithTags("Incidents").RequireAdministrator();
        group.MapGet("/", ListAsync).WithSummary("Incidents, open ones only unless open=false, optionally of one case");
        group.MapPost("/{id:guid}/retry", RetryAsync)
            .WithSummary("Runs the failed service task again; success resolves the incident and the case moves on");
        group.MapPost("/{id:guid}/resolve", ResolveAsync)
            .WithSummary("The work was done by hand: closes the incident and moves the case past the service task");
        return group;
    }

    public static async Task<Ok<IncidentResponse[]>> ListAsync(
        Guid? instanceId, bool? open, WorkflowEngine engine, CancellationToken ct)
    {
        var incidents = await engine.ListIncidentsAsync(instanceId, open ?? true, ct);
        return TypedResults.Ok(incidents.Select(IncidentResponse.From).ToArray());
    }

    public static async Task<Ok<IncidentResponse>> RetryAsync(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(IncidentResponse.From(await sender.Send(new RetryIncident(Actor.Of(user), id), ct)));

    public static async Task<Ok<IncidentResponse>> ResolveAsync(
        Guid id, ResolveIncidentRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(IncidentResponse.From(await sender.Send(new ResolveIncident(Actor.Of(user), id, request.Note), ct)));
}
