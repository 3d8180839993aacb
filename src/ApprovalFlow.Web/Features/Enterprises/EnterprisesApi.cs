using System.Security.Claims;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Enterprises;

public sealed record RegisterEnterpriseRequest(string? Name, string? CreditCode, string? ContactName, string? ContactPhone);

public sealed record AssignEnterpriseUserRequest(string? Email);

/// <summary>Enterprises (建设单位). Refusals are <see cref="RefusedException"/>s, written as ProblemDetails.</summary>
public static class EnterprisesApi
{
    public static RouteGroupBuilder MapEnterprisesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/enterprises").WithTags("Enterprises");
        group.MapGet("/", ListAsync).WithSummary("Enterprises (建设单位); an enterprise user sees only its own");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetEnterprise").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One enterprise");
        group.MapPost("/", RegisterAsync).RequireRoles(AppRoles.Administrator)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Records an enterprise with its unified social credit code (checked as GB 32100-2015 says)");
        group.MapPost("/{id:guid}/users", AssignUserAsync).RequireRoles(AppRoles.Administrator)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Makes a user of role Enterprise act for this enterprise");
        return group;
    }

    public static async Task<Ok<EnterpriseResponse[]>> ListAsync(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListEnterprises(Actor.Of(user)), ct));

    public static async Task<Ok<EnterpriseResponse>> GetAsync(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetEnterprise(Actor.Of(user), id), ct));

    public static async Task<CreatedAtRoute<EnterpriseResponse>> RegisterAsync(
        RegisterEnterpriseRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        var enterprise = await sender.Send(
            new RegisterEnterprise(Actor.Of(user), Guid.NewGuid(), request.Name, request.CreditCode, request.ContactName, request.ContactPhone), ct);
        return TypedResults.CreatedAtRoute(enterprise, "GetEnterprise", new { id = enterprise.Id });
    }

    public static async Task<Ok<EnterpriseUserResponse>> AssignUserAsync(
        Guid id, AssignEnterpriseUserRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new AssignEnterpriseUser(Actor.Of(user), id, request.Email), ct));
}
