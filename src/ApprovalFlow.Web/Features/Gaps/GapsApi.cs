using System.Security.Claims;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Gaps;

public sealed record SupplyMaterialRequest(string? MaterialCode, string? Note, Guid? AttachmentId);

/// <summary>
/// Tolerated gaps (容缺受理). A gap is opened by the step's acceptance (<see cref="OpenToleratedGap"/>), not here; the
/// enterprise supplies the missing materials here.
/// </summary>
public static class GapsApi
{
    public static RouteGroupBuilder MapGapsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/gaps").WithTags("Gaps");
        group.MapGet("/", ListAsync).WithSummary("Tolerated gaps the caller may see, by projectId or stepId");
        group.MapGet("/{id:guid}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One tolerated gap with its materials");
        group.MapPost("/{id:guid}/supply", SupplyAsync).RequireRoles(AppRoles.Enterprise, AppRoles.Administrator)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The enterprise supplies one missing material; the last one issues the step's result");
        return group;
    }

    public static async Task<Ok<ToleratedGapResponse[]>> ListAsync(Guid? projectId, Guid? stepId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListGaps(Actor.Of(user), projectId, stepId), ct));

    public static async Task<Ok<ToleratedGapResponse>> GetAsync(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetGap(Actor.Of(user), id), ct));

    public static async Task<Ok<ToleratedGapResponse>> SupplyAsync(
        Guid id, SupplyMaterialRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SupplyMaterial(Actor.Of(user), id, request.MaterialCode, request.Note, request.AttachmentId), ct));
}
