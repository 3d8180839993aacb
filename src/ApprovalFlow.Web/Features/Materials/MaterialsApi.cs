using System.Security.Claims;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Materials;

public sealed record SaveMaterialRequest(string? StepCode, string? Code, string? Name, string? Kind, string? Note);

/// <summary>The material catalogue (申请材料目录): what each step asks for, main or secondary.</summary>
public static class MaterialsApi
{
    public static RouteGroupBuilder MapMaterialsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/materials").WithTags("Materials");
        group.MapGet("/", ListAsync).WithSummary("The materials of every step, or of one (stepCode=land)");
        group.MapPut("/", SaveAsync).RequireRoles(AppRoles.Administrator).ProducesValidationProblem()
            .WithSummary("Adds a material to a step, or changes its name, kind (main | secondary) and note");
        group.MapDelete("/{id:guid}", RemoveAsync).RequireRoles(AppRoles.Administrator).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Removes a material from the catalogue");
        return group;
    }

    public static async Task<Ok<MaterialResponse[]>> ListAsync(string? stepCode, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListMaterials(stepCode), ct));

    public static async Task<Ok<MaterialResponse>> SaveAsync(SaveMaterialRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SaveMaterial(Actor.Of(user), request.StepCode, request.Code, request.Name, request.Kind, request.Note), ct));

    public static async Task<NoContent> RemoveAsync(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        await sender.Send(new RemoveMaterial(Actor.Of(user), id), ct);
        return TypedResults.NoContent();
    }
}
