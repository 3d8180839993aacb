using ApprovalFlow.Web.Features.Projects;
using Mediator;
using System.Security.Claims;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Instances;

public sealed record MigrateInstancesRequest(int FromVersion, int ToVersion, Dictionary<string, string>? Mapping, Guid[]? InstanceIds);

public sealed record MigrationResponse(int Migrated, IReadOnlyList<Guid> InstanceIds);

/// <summary>Moving running cases between versions of a definition; the engine's refusal (409) lists every problem.</summary>
public static class MigrationsApi
{
    public static RouteGroupBuilder MapMigrationsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/definitions/{key}/migrations").WithTags("Definitions").RequireAdministrator();
        group.MapPost("/", MigrateAsync)
            .WithSummary("Moves the running cases of one version to another; all are checked before any moves");
        return group;
    }

    public static async Task<Ok<MigrationResponse>> MigrateAsync(
        string key, MigrateInstancesRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        var result = await sender.Send(new MigrateInstances(Actor.Of(user), key, request.FromVersion, request.ToVersion, request.Mapping,
            request.InstanceIds), ct);
        return TypedResults.Ok(new MigrationResponse(result.Migrated, result.InstanceIds));
    }
}
