using System.Security.Claims;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Pledges;

public sealed record SignPledgeRequest(Guid ProjectId, string? Scheme, string? StepCode, string? Text);

public sealed record VerifyPledgeRequest(string? Method, string? Result, string? Note);

public sealed record RecordBreachRequest(string? Reason);

/// <summary>Pledges (承诺书): signing, after-the-fact verification (事后核查) and breaches (失信).</summary>
public static class PledgesApi
{
    public static RouteGroupBuilder MapPledgesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/pledges").WithTags("Pledges");
        group.MapGet("/", ListAsync).WithSummary("Pledges the caller may see (an enterprise its own), by projectId");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetPledge").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One pledge with its verifications; hashValid is recomputed from the stored fields");
        group.MapPost("/", SignAsync).RequireRoles(AppRoles.Enterprise)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The enterprise signs a pledge for its own project (scheme tolerated-gap | pledge-system | standard-land)");
        group.MapPost("/{id:guid}/verifications", VerifyAsync).RequireRoles(AppRoles.Officer, AppRoles.Supervisor)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Records a verification (written | online | site | public-notice) found kept or broken; broken records the breach");
        group.MapPost("/{id:guid}/breach", BreachAsync).RequireRoles(AppRoles.Officer, AppRoles.Supervisor, AppRoles.Administrator)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Records a breach: the pledge is broken, what it allowed is revoked and a credit record is written");
        return group;
    }

    public static async Task<Ok<PledgeResponse[]>> ListAsync(Guid? projectId, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListPledges(Actor.Of(user), projectId), ct));

    public static async Task<Ok<PledgeResponse>> GetAsync(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetPledge(Actor.Of(user), id), ct));

    public static async Task<CreatedAtRoute<PledgeResponse>> SignAsync(SignPledgeRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        var pledge = await sender.Send(new SignPledge(Actor.Of(user), request.ProjectId, request.Scheme, request.StepCode, request.Text), ct);
        return TypedResults.CreatedAtRoute(pledge, "GetPledge", new { id = pledge.Id });
    }

    public static async Task<Ok<PledgeResponse>> VerifyAsync(Guid id, VerifyPledgeRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new VerifyPledge(Actor.Of(user), id, request.Method, request.Result, request.Note), ct));

    public static async Task<Ok<PledgeResponse>> BreachAsync(Guid id, RecordBreachRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RecordBreach(Actor.Of(user), id, request.Reason), ct));
}
