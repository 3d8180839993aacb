using System.Security.Claims;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.CaseDiagrams;

public static class CaseDiagramsApi
{
    public static IEndpointRouteBuilder MapCaseDiagramsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/cases/{id:guid}/diagram", GetAsync).WithTags("Approvals").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The case's definition XML with each element's state, light, assignee, due date, open task and whether the caller may act");
        return api;
    }

    public static async Task<Ok<CaseDiagramResponse>> GetAsync(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCaseDiagram(Actor.Of(user), id), ct));
}
