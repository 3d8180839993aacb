using System.Security.Claims;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Account;

/// <summary>The body of <c>POST /api/account/password</c>.</summary>
public sealed record ChangeOwnPasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>The signed-in user's own account under <c>/api/account</c>.</summary>
public static class AccountApi
{
    public const string PasswordPath = "/api/account/password";

    public static RouteGroupBuilder MapAccountApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/account").WithTags("Account");
        group.MapPost("/password", ChangePasswordAsync)
            .ProducesValidationProblem()
            .WithSummary("Changes the caller's own password; then sign in again with the new one");
        return group;
    }

    public static async Task<NoContent> ChangePasswordAsync(ChangeOwnPasswordRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        await sender.Send(new ChangeOwnPassword(Actor.Of(user), request.CurrentPassword, request.NewPassword), ct);
        return TypedResults.NoContent();
    }
}
