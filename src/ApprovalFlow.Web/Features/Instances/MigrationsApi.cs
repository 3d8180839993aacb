using System.Security.Claims;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using ApprovalFlow.Web.Features.Audit;

namespace ApprovalFlow.Web.Features.Instances;

public sealed record MigrateInstancesRequest(int FromVersion, int ToVersion, Dictionary<string, string>? Mapping, Guid[]? InstanceIds);

public sealed record MigrationResponse(int Migrated, IReadOnlyList<Guid> InstanceIds);

/// <summary>Moving running cases between versions of a definition; the engine's refusal (409) lists every problem.</summary>
public static class MigrationsApi
{
    public static RouteGroupBuilder MapMigrationsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/definitions/{key}/migrations").WithTags("Definitions").Audited("definition").RequireAdministrator();
        group.MapPost("/", MigrateAsync)
            .WithSummary("Moves the running cases of one version to another; all are checked before any moves");
        return group;
    }

    public static async Task<Results<Ok<MigrationResponse>, ValidationProblem, ProblemHttpResult>> MigrateAsync(
        string key, MigrateInstancesRequest request, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct)
    {
        if (Caller.Id(user) is not { } actor)
        {
            return OperatorAccess.NoCallerName();
        }
        var errors = new Dictionary<string, string[]>();
        if (request.FromVersion < 1)
        {
            errors["fromVersion"] = ["Name the deployed version the cases run on."];
        }
        if (request.ToVersion < 1)
        {
            errors["toVersion"] = ["Name the deployed version the cases move to."];
        }
        else if (request.ToVersion == request.FromVersion)
        {
            errors["toVersion"] = ["The cases already run on this version."];
        }
        if (request.Mapping?.Any(m => string.IsNullOrWhiteSpace(m.Key) || string.IsNullOrWhiteSpace(m.Value)) == true)
        {
            errors["mapping"] = ["Each mapping pairs an element id of the old version with one of the new."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await engine.MigrateInstancesAsync(
            key, request.FromVersion, request.ToVersion, request.Mapping, request.InstanceIds, actor, ct);
        return TypedResults.Ok(new MigrationResponse(result.Migrated, result.InstanceIds));
    }
}
