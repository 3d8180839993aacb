using System.Security.Claims;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Reports;

public sealed record GenerateReportRequest(string? Kind, string? Day);

/// <summary>Supervision reports (旬报、月报、季报): list, download, generate now.</summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports")
            .RequireRoles(AppRoles.Supervisor, AppRoles.Administrator, AppRoles.PairedLeader);
        group.MapGet("/", ListAsync).WithSummary("The stored reports, newest first; filter kind (ten-day, month, quarter)");
        group.MapGet("/{id:guid}/download", DownloadAsync).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A report's file: format=csv or xlsx (default)");
        group.MapPost("/", GenerateAsync).RequireRoles(AppRoles.Supervisor, AppRoles.Administrator).ProducesValidationProblem()
            .WithSummary("Generates now the report of the kind (default month) for the period containing day (default today)");
        return group;
    }

    public static async Task<Ok<ReportResponse[]>> ListAsync(string? kind, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListReports(kind), ct));

    public static async Task<FileContentHttpResult> DownloadAsync(Guid id, string? format, ISender sender, CancellationToken ct)
    {
        var file = await sender.Send(new DownloadReport(id, format), ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    public static async Task<Created<ReportResponse>> GenerateAsync(GenerateReportRequest? request, ClaimsPrincipal user, ISender sender,
        CancellationToken ct)
    {
        var report = await sender.Send(new GenerateReport(Actor.Of(user).Name, request?.Kind, request?.Day), ct);
        return TypedResults.Created(report.XlsxLink, report);
    }
}
