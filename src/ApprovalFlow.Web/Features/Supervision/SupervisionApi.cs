using System.Security.Claims;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>Supervision (督导): stalled steps, figures and monthly county rankings. Enterprises are refused (403).</summary>
public static class SupervisionApi
{
    public static RouteGroupBuilder MapSupervisionApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/supervision").WithTags("Supervision");
        group.MapGet("/stalled-steps", StalledStepsAsync)
            .RequireRoles(AppRoles.Supervisor, AppRoles.Administrator, AppRoles.Officer, AppRoles.PairedLeader)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Open steps overdue or without action for Supervision:NoActionWorkingDays working days; filters county, department, stepCode, light; page, pageSize");
        group.MapGet("/figures", FiguresAsync)
            .RequireRoles(AppRoles.Supervisor, AppRoles.Administrator, AppRoles.Officer, AppRoles.PairedLeader)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Open, overdue, decided, average and 90th percentile working days to decide, share on time; groupBy county|department|step, from, to");
        group.MapGet("/rankings", RankingsAsync)
            .RequireRoles(AppRoles.Supervisor, AppRoles.Administrator, AppRoles.PairedLeader)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("The 13 counties ranked for a month (month=yyyy-MM) with the meetings they must explain at");
        return group;
    }

    public static async Task<Ok<StalledStepsPage>> StalledStepsAsync(string? county, string? department, string? stepCode, string? light,
        int? page, int? pageSize, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListStalledSteps(Actor.Of(user), county, department, stepCode, light, page, pageSize), ct));

    public static async Task<Ok<SupervisionFigures>> FiguresAsync(string? groupBy, string? from, string? to, ClaimsPrincipal user, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetFigures(Actor.Of(user), groupBy, from, to), ct));

    public static async Task<Ok<MonthlyRankings>> RankingsAsync(string? month, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetRankings(month), ct));
}
