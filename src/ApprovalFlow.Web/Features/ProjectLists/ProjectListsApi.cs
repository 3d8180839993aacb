using System.Security.Claims;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.ProjectLists;

public sealed record ReportInvestmentRequest(Guid ProjectId, string? Month, decimal? AmountCompleted, string? Note);

/// <summary>The three lists (三个清单), monthly investment reports and each county's progress against its growth target.</summary>
public static class ProjectListsApi
{
    public static RouteGroupBuilder MapProjectListsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/project-lists").WithTags("Project lists");
        group.MapGet("/investment-reports", ListReportsAsync)
            .WithSummary("Monthly investment reports of the projects the caller may see; filters projectId, year");
        group.MapPost("/investment-reports", ReportAsync).RequireRoles(AppRoles.Enterprise, AppRoles.Officer, AppRoles.Administrator)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Reports the investment (万元) a project completed in a month; once per project and month");
        group.MapGet("/county-progress", CountyProgressAsync)
            .RequireRoles(AppRoles.Supervisor, AppRoles.Administrator, AppRoles.Officer, AppRoles.PairedLeader)
            .ProducesValidationProblem()
            .WithSummary("Each county's investment completed this year through a month against last year, and its growth target");
        group.MapGet("/{list}", ListAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A list (under-construction, planned-new-start, reserve) of projects of 5,000 万元 and more, with paired leaders");
        return group;
    }

    public static async Task<Ok<ProjectListResponse>> ListAsync(string list, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListProjectsOnList(Actor.Of(user), list), ct));

    public static async Task<Ok<InvestmentReportResponse[]>> ListReportsAsync(Guid? projectId, int? year, ClaimsPrincipal user, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListInvestmentReports(Actor.Of(user), projectId, year), ct));

    public static async Task<Created<InvestmentReportResponse>> ReportAsync(ReportInvestmentRequest request, ClaimsPrincipal user, ISender sender,
        CancellationToken ct)
    {
        var report = await sender.Send(new ReportInvestment(Actor.Of(user), request.ProjectId, request.Month, request.AmountCompleted, request.Note), ct);
        return TypedResults.Created($"/api/project-lists/investment-reports?projectId={report.ProjectId}", report);
    }

    public static async Task<Ok<CountyProgressResponse>> CountyProgressAsync(int? year, int? throughMonth, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCountyProgress(year, throughMonth), ct));
}
