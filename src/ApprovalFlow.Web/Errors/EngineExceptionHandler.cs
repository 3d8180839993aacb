using ApprovalFlow.Engine;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Errors;

/// <summary>
/// Turns the engine's refusals into ProblemDetails: not found → 404, a state that no longer allows the
/// call → 409, anything else the engine refuses → 400. Other exceptions stay 500s.
/// </summary>
public sealed class EngineExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            DefinitionInvalidException invalid => Invalid(invalid),
            DefinitionNotFoundException or InstanceNotFoundException or TaskNotFoundException
                or MessageNotCorrelatedException or IncidentNotFoundException
                => Problem(StatusCodes.Status404NotFound, "Not found", exception),
            TaskNotOpenException or TaskClaimedException or TaskDelegatedException or MessageAmbiguousException
                or ConcurrencyException or InstanceNotRunningException or IncidentClosedException
                => Problem(StatusCodes.Status409Conflict, "Conflict", exception),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Conflict",
                "Someone else changed the same case at the same moment; reload it and try again."),
            ElementNotActiveException notActive => WithElement(
                Problem(StatusCodes.Status409Conflict, "Conflict", notActive), notActive.ElementId),
            ExecutionException execution => WithElement(
                Problem(StatusCodes.Status400BadRequest, "The case cannot go on", execution), execution.ElementId),
            EngineException => Problem(StatusCodes.Status400BadRequest, "Refused by the workflow engine", exception),
            BadHttpRequestException badRequest => Problem(badRequest.StatusCode, "Bad request", exception),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Invalid(DefinitionInvalidException exception)
    {
        var problem = Problem(StatusCodes.Status400BadRequest, "The process model is invalid; nothing was deployed", exception);
        problem.Extensions["errors"] = exception.Errors
            .Select(e => new ModelError(e.ElementId, e.ElementType, e.Line, e.Message))
            .ToArray();
        return problem;
    }

    private static ProblemDetails WithElement(ProblemDetails problem, string elementId)
    {
        problem.Extensions["elementId"] = elementId;
        return problem;
    }

    private static ProblemDetails Problem(int status, string title, Exception exception) =>
        Problem(status, title, exception.Message);

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    private sealed record ModelError(string? ElementId, string? ElementType, int? Line, string Message);
}
