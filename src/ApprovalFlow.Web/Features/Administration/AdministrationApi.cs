using System.Security.Claims;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Administration;

/// <summary>The body of <c>PUT /api/admin/users/{id}/access</c>.</summary>
public sealed record SetUserAccessRequest(string[]? Roles, string? Department, string? County, Guid? EnterpriseId);

/// <summary>The body of <c>POST /api/admin/users</c>.</summary>
public sealed record CreateUserAccountRequest(string? Email, string? Password, string[]? Roles, string? Department, string? County, Guid? EnterpriseId);

/// <summary>Administration under <c>/api/admin</c>: users and roles (administrators), departments (staff).</summary>
public static class AdministrationApi
{
    public static RouteGroupBuilder MapAdministrationApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/admin").WithTags("Administration");
        group.MapGet("/users", ListUsersAsync).RequireRoles(AppRoles.Administrator)
            .WithSummary("Every account with its roles, department, county and enterprise; filter role");
        group.MapPost("/users", CreateAccountAsync).RequireRoles(AppRoles.Administrator)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Opens an account: e-mail, initial password, roles, and the department, county and enterprise it acts for");
        group.MapPut("/users/{id}/access", SetAccessAsync).RequireRoles(AppRoles.Administrator)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Gives an account its roles, and the department (officers), county and enterprise (enterprise users) it acts for");
        group.MapGet("/departments", ListDepartmentsAsync)
            .RequireRoles(AppRoles.Administrator, AppRoles.Officer, AppRoles.Supervisor, AppRoles.PairedLeader)
            .WithSummary("The departments with their officers and open steps");
        return group;
    }

    public static async Task<Ok<UserResponse[]>> ListUsersAsync(string? role, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListUsers(Actor.Of(user), role), ct));

    public static async Task<Ok<UserResponse>> SetAccessAsync(string id, SetUserAccessRequest request, ClaimsPrincipal user, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SetUserAccess(Actor.Of(user), id, request.Roles, request.Department, request.County, request.EnterpriseId), ct));

    public static async Task<Created<UserResponse>> CreateAccountAsync(CreateUserAccountRequest request, ClaimsPrincipal user, ISender sender,
        CancellationToken ct) =>
        TypedResults.Created((string?)null, await sender.Send(
            new CreateUserAccount(Actor.Of(user), request.Email, request.Password, request.Roles, request.Department, request.County, request.EnterpriseId), ct));

    public static async Task<Ok<DepartmentResponse[]>> ListDepartmentsAsync(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListDepartments(Actor.Of(user)), ct));
}
