using System.Security.Claims;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Projects;

public sealed record RegisterProjectRequest(
    string? Code, string? Name, Guid? EnterpriseId, string? County, string? Industry, decimal? TotalInvestment, string? Kind, string? List);

public sealed record ChangeProjectListRequest(string? List, string? Reason);

public sealed record AssignPairedLeaderRequest(string? UserId, string? Name);

/// <summary>Projects (项目). Refusals are <see cref="RefusedException"/>s, written as ProblemDetails by <see cref="RefusalExceptionHandler"/>.</summary>
public static class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/projects").WithTags("Projects");
        group.MapGet("/", ListAsync).ProducesValidationProblem()
            .WithSummary("Projects the caller may see (an enterprise only its own); mine=true keeps those the caller leads; filters county, list, kind");
        group.MapGet("/check-code", CheckCode)
            .WithSummary("Checks a project code (项目代码) as typed: its canonical form, or what is wrong with it");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetProject").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One project");
        group.MapGet("/{id:guid}/history", HistoryAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Who registered, moved and paired the project, when, and why");
        group.MapPost("/", RegisterAsync).RequireRoles(AppRoles.Enterprise, AppRoles.Administrator)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Registers a project; an enterprise for itself, an administrator for any enterprise");
        group.MapPost("/{id:guid}/list", ChangeListAsync).RequireRoles(ChangeProjectList.Roles)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Moves the project to another list (reserve, planned-new-start, under-construction, completed), with a reason");
        group.MapPut("/{id:guid}/paired-leader", AssignPairedLeaderAsync).RequireRoles(AppRoles.Administrator)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Names the paired leader (包联领导): a user of role PairedLeader, or a name; neither clears it");
        return group;
    }

    public static async Task<Ok<ProjectResponse[]>> ListAsync(
        bool? mine, string? county, string? list, string? kind, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListProjects(Actor.Of(user), mine ?? false, county, list, kind), ct));

    public static async Task<Ok<ProjectCodeCheck>> CheckCode(string? code, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new CheckProjectCode(code), ct));

    public static async Task<Ok<ProjectResponse>> GetAsync(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetProject(Actor.Of(user), id), ct));

    public static async Task<Ok<ProjectHistoryResponse[]>> HistoryAsync(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetProjectHistory(Actor.Of(user), id), ct));

    public static async Task<CreatedAtRoute<ProjectResponse>> RegisterAsync(
        RegisterProjectRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        var project = await sender.Send(new RegisterProject(
            Actor.Of(user), Guid.NewGuid(), request.Code, request.Name, request.EnterpriseId, request.County, request.Industry,
            request.TotalInvestment, request.Kind, request.List), ct);
        return TypedResults.CreatedAtRoute(project, "GetProject", new { id = project.Id });
    }

    public static async Task<Ok<ProjectResponse>> ChangeListAsync(
        Guid id, ChangeProjectListRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ChangeProjectList(Actor.Of(user), id, request.List, request.Reason), ct));

    public static async Task<Ok<ProjectResponse>> AssignPairedLeaderAsync(
        Guid id, AssignPairedLeaderRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new AssignPairedLeader(Actor.Of(user), id, request.UserId, request.Name), ct));
}
