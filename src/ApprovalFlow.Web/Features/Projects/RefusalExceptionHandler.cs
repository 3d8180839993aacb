using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ApprovalFlow.Web.Features.Projects;

/// <summary>Writes a <see cref="RefusedException"/> as ProblemDetails; a bad field as a ValidationProblem naming it.</summary>
public sealed class RefusalExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RefusedException refused)
        {
            return false;
        }
        Errors.ProblemLanguage.UseRequestCulture(httpContext);
        ProblemDetails problem = refused.Errors is { } errors
            ? new HttpValidationProblemDetails(errors)
            : new ProblemDetails();
        problem.Status = refused.Status;
        problem.Title = refused.Title;
        problem.Detail = refused.Message;
        if (refused.Rule is { } rule) problem.Extensions["rule"] = rule;
        httpContext.Response.StatusCode = refused.Status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
