using System.Security.Claims;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Administration;

/// <summary>The body of <c>POST /api/admin/users/{id}/password</c>.</summary>
public sealed record ResetUserPasswordRequest(string? Password);

/// <summary>The body of <c>POST /api/admin/users/{id}/active</c>.</summary>
public sealed record SetUserActiveRequest(bool Active);

/// <summary>Administrators reset an account's password and switch an account off or on, under <c>/api/admin/users</c>.</summary>
public static class AccountAdministrationApi
{
    public static RouteGroupBuilder MapAccountAdministrationApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/admin/users").WithTags("Administration");
        group.MapPost("/{id}/password", ResetPasswordAsync).RequireRoles(AppRoles.Administrator)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Gives an account a new password that the user must change at the next sign-in; its tokens stop working");
        group.MapPost("/{id}/active", SetActiveAsync).RequireRoles(AppRoles.Administrator)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Switches an account off (it cannot sign in, its tokens stop working) or back on");
        return group;
    }

    public static async Task<Ok<AccountStateResponse>> ResetPasswordAsync(string id, ResetUserPasswordRequest request, ClaimsPrincipal user,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ResetUserPassword(Actor.Of(user), id, request.Password), ct));

    public static async Task<Ok<AccountStateResponse>> SetActiveAsync(string id, SetUserActiveRequest request, ClaimsPrincipal user,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SetUserActive(Actor.Of(user), id, request.Active), ct));
}
