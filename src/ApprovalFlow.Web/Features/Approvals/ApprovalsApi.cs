using System.Security.Claims;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Approvals;

public sealed record StartApprovalRequest(Guid? ProjectId, string? Mode);

public sealed record AcceptStepRequest(ToleratedGapRequest? ToleratedGap);

public sealed record OpinionRequest(string? Opinion);

public sealed record DecideStepRequest(string? Outcome, string? Opinion);

public sealed record ResubmitStepRequest(string? Note);

public sealed record SignCasePledgeRequest(string? Text);

public sealed record ConfirmStartRequest(bool? Met, string? Opinion);

public sealed record TerminateCaseRequest(string? Reason);

public sealed record PauseStepClockRequest(string? Reason);

/// <summary>Approval cases (审批案件), their steps and the case tasks. Refusals are <see cref="RefusedException"/>s, written as ProblemDetails.</summary>
public static class ApprovalsApi
{
    public static IEndpointRouteBuilder MapApprovalsApi(this IEndpointRouteBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Approvals");
        cases.MapPost("/", StartAsync).RequireRoles(AppRoles.Enterprise, AppRoles.Administrator)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Applies for the pre-construction approval of a project (mode normal, virtual or pledgeSystem)");
        cases.MapGet("/", ListAsync).ProducesValidationProblem()
            .WithSummary("Cases the caller may see: an enterprise its own, an officer its department's, supervisors and leaders all");
        cases.MapGet("/{id:guid}", GetAsync).WithName("GetCase").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A case: steps with status, due date and history, open tasks with what the caller may do");
        cases.MapPost("/{id:guid}/terminate", TerminateAsync).RequireRoles(AppRoles.Administrator)
            .WithSummary("Terminates a running case (终止) with a reason: its tasks withdrawn, its open steps withdrawn, the case ended");
        cases.MapPost("/{id:guid}/confirm-start", ConfirmStartAsync).RequireRoles(AppRoles.Officer)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Development and reform confirms whether the start conditions are met");

        var tasks = api.MapGroup("/tasks").WithTags("Approvals");
        tasks.MapPost("/{id:guid}/accept", AcceptAsync).RequireRoles(AppRoles.Officer)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Accepts (受理) a step, completely or with a tolerated gap; starts the step's clock");
        tasks.MapPost("/{id:guid}/review", ReviewAsync).RequireRoles(AppRoles.Officer)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Finishes the review (审查) of a step");
        tasks.MapPost("/{id:guid}/decide", DecideAsync).RequireRoles(AppRoles.Officer)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Decides a step: approve, reject, return (for correction) or pledge");
        tasks.MapPost("/{id:guid}/resubmit", ResubmitAsync).RequireRoles(AppRoles.Enterprise)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The enterprise resubmits corrected material (补正); the signPledge task is refused here (use sign-pledge)");
        tasks.MapPost("/{id:guid}/sign-pledge", SignPledgeAsync).RequireRoles(AppRoles.Enterprise)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The enterprise signs (and publishes) its pledge-system pledge (签署承诺书) and so completes the signPledge task");
        tasks.MapPost("/{id:guid}/verify-pledge", VerifyPledgeAsync).RequireRoles(AppRoles.Officer)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("A verifying department checks the pledge of a pledge-system case (written | online | site | public-notice); broken records the breach");

        var caseTasks = api.MapGroup("/case-tasks").WithTags("Approvals");
        caseTasks.MapPost("/{id:guid}/claim", ClaimAsync).RequireRoles(AppRoles.Officer)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("An officer of the task's department takes the task on (签收)");

        var steps = api.MapGroup("/steps").WithTags("Approvals");
        steps.MapPost("/{id:guid}/pause", PauseAsync).RequireRoles(AppRoles.Officer)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Stops the step's clock, with the reason told to the applicant");
        steps.MapPost("/{id:guid}/resume", ResumeAsync).RequireRoles(AppRoles.Officer)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Restarts the step's clock; the due date moves by the working days it stood still");

        api.MapGet("/my/tasks", MyTasksAsync).WithTags("Approvals")
            .WithSummary("The caller's work list: an officer's department tasks, an enterprise's own tasks");
        return api;
    }

    public static async Task<CreatedAtRoute<CaseResponse>> StartAsync(StartApprovalRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct)
    {
        var approvalCase = await sender.Send(new StartApproval(Actor.Of(user), request.ProjectId, request.Mode), ct);
        return TypedResults.CreatedAtRoute(approvalCase, "GetCase", new { id = approvalCase.Id });
    }

    public static async Task<Ok<CaseSummary[]>> ListAsync(Guid? projectId, string? status, int? page, int? pageSize, ClaimsPrincipal user,
        ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListCases(Actor.Of(user), projectId, status, page ?? 1, pageSize ?? ListCases.DefaultPageSize), ct));

    public static async Task<Ok<CaseResponse>> GetAsync(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCase(Actor.Of(user), id), ct));

    public static async Task<Ok<CaseResponse>> TerminateAsync(Guid id, TerminateCaseRequest request, ClaimsPrincipal user, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new TerminateCase(Actor.Of(user), id, request.Reason), ct));

    public static async Task<Ok<CaseResponse>> ConfirmStartAsync(Guid id, ConfirmStartRequest request, ClaimsPrincipal user, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ConfirmStartConditions(Actor.Of(user), id, request.Met, request.Opinion), ct));

    public static async Task<Ok<CaseResponse>> AcceptAsync(Guid id, AcceptStepRequest? request, ClaimsPrincipal user, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new AcceptStep(Actor.Of(user), id, request?.ToleratedGap), ct));

    public static async Task<Ok<CaseResponse>> ReviewAsync(Guid id, OpinionRequest? request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ReviewStep(Actor.Of(user), id, request?.Opinion), ct));

    public static async Task<Ok<CaseResponse>> DecideAsync(Guid id, DecideStepRequest request, ClaimsPrincipal user, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new DecideStep(Actor.Of(user), id, request.Outcome, request.Opinion), ct));

    public static async Task<Ok<CaseResponse>> ResubmitAsync(Guid id, ResubmitStepRequest? request, ClaimsPrincipal user, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ResubmitStep(Actor.Of(user), id, request?.Note), ct));

    public static async Task<Ok<CaseResponse>> SignPledgeAsync(Guid id, SignCasePledgeRequest? request, ClaimsPrincipal user, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SignCasePledge(Actor.Of(user), id, request?.Text), ct));

    public static async Task<Ok<CaseResponse>> VerifyPledgeAsync(Guid id, VerifyPledgeOnCaseRequest request, ClaimsPrincipal user, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new VerifyPledgeOnCase(Actor.Of(user), id, request.Method, request.Broken, request.Note), ct));

    public static async Task<Ok<CaseResponse>> ClaimAsync(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ClaimCaseTask(Actor.Of(user), id), ct));

    public static async Task<Ok<StepResponse>> PauseAsync(Guid id, PauseStepClockRequest request, ClaimsPrincipal user, ISender sender,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new PauseStepClock(Actor.Of(user), id, request.Reason), ct));

    public static async Task<Ok<StepResponse>> ResumeAsync(Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ResumeStepClock(Actor.Of(user), id), ct));

    public static async Task<Ok<MyTask[]>> MyTasksAsync(ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListMyTasks(Actor.Of(user)), ct));
}
