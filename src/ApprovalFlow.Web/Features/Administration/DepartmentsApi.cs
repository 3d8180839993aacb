using System.Security.Claims;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Administration;

/// <summary>The body of <c>POST /api/admin/departments</c>.</summary>
public sealed record AddDepartmentRequest(string? Code, string? Name, string? NameEn);

/// <summary>The body of <c>PUT /api/admin/departments/{code}</c>.</summary>
public sealed record RenameDepartmentRequest(string? Name, string? NameEn);

/// <summary>The body of <c>POST /api/admin/departments/{code}/active</c>.</summary>
public sealed record SetDepartmentActiveRequest(bool Active);

/// <summary>Editing the departments under <c>/api/admin/departments</c> (administrators).</summary>
public static class DepartmentsApi
{
    public static IEndpointRouteBuilder MapDepartmentsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/admin/departments").WithTags("Administration");
        group.MapPost("/", AddAsync).RequireRoles(AppRoles.Administrator)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Adds a department: code (lower-case letters, digits, dashes; fixed), Chinese and English names");
        group.MapPut("/{code}", RenameAsync).RequireRoles(AppRoles.Administrator)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Renames a department (Chinese and English names; the code stays)");
        group.MapPost("/{code}/active", SetActiveAsync).RequireRoles(AppRoles.Administrator)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Takes a department out of use or back; refused while it has open steps");
        return api;
    }

    public static async Task<Created<DepartmentEditResponse>> AddAsync(AddDepartmentRequest request, ClaimsPrincipal user, ISender sender,
        CancellationToken ct)
    {
        var saved = await sender.Send(new AddDepartment(Actor.Of(user), request.Code, request.Name, request.NameEn), ct);
        return TypedResults.Created($"/api/admin/departments/{saved.Code}", saved);
    }

    public static async Task<Ok<DepartmentEditResponse>> RenameAsync(string code, RenameDepartmentRequest request, ClaimsPrincipal user,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RenameDepartment(Actor.Of(user), code, request.Name, request.NameEn), ct));

    public static async Task<Ok<DepartmentEditResponse>> SetActiveAsync(string code, SetDepartmentActiveRequest request, ClaimsPrincipal user,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SetDepartmentActive(Actor.Of(user), code, request.Active), ct));
}
