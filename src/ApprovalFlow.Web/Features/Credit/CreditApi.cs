using System.Security.Claims;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Credit;

public sealed record RepairCreditRequest(string? Note);

/// <summary>Credit records (信用记录) and their repair (信用修复).</summary>
public static class CreditApi
{
    public static IEndpointRouteBuilder MapCreditApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/enterprises/{enterpriseId:guid}/credit", ListAsync).WithTags("Credit").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An enterprise's credit records, repaired or not");
        api.MapPost("/credit/{id:guid}/repair", RepairAsync).WithTags("Credit").RequireRoles(AppRoles.Administrator)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Repairs a credit record (信用修复), with a note");
        return api;
    }

    public static async Task<Ok<CreditRecordResponse[]>> ListAsync(Guid enterpriseId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListCreditRecords(Actor.Of(user), enterpriseId), ct));

    public static async Task<Ok<CreditRecordResponse>> RepairAsync(Guid id, RepairCreditRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RepairCredit(Actor.Of(user), id, request.Note), ct));
}
