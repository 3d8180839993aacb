using ApprovalFlow.Engine;
using ApprovalFlow.Engine.Expressions;
using ApprovalFlow.Web.Ui.Shell;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Errors;

/// <summary>
/// Turns the engine's refusals into ProblemDetails: not found → 404, a state that no longer allows the
/// call → 409 (a refused migration lists its problems), a model the host's rules refuse (the approval contract) → 422,
/// anything else the engine refuses → 400.
/// Other exceptions stay 500s.
/// </summary>
public sealed class EngineExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemLanguage.UseRequestCulture(httpContext);
        var problem = exception switch
        {
            DefinitionInvalidException invalid => Invalid(invalid),
            DefinitionNotFoundException or InstanceNotFoundException or TaskNotFoundException
                or MessageNotCorrelatedException or IncidentNotFoundException
                => Problem(StatusCodes.Status404NotFound, L.T("未找到", "Not found"), exception),
            TaskNotOpenException or TaskClaimedException or TaskDelegatedException or MessageAmbiguousException
                or ConcurrencyException or InstanceNotRunningException or IncidentClosedException
                => Problem(StatusCodes.Status409Conflict, L.T("无法办理", "Conflict"), exception),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, L.T("无法办理", "Conflict"),
                L.T("其他人同时修改了同一案件，请刷新后重试。", "Someone else changed the same case at the same moment; reload it and try again.")),
            MigrationRefusedException refused => Refused(refused),
            ElementNotActiveException notActive => WithElement(
                Problem(StatusCodes.Status409Conflict, L.T("无法办理", "Conflict"), notActive), notActive.ElementId),
            ExecutionException execution => WithElement(
                Problem(StatusCodes.Status400BadRequest, L.T("案件无法继续办理", "The case cannot go on"), execution), execution.ElementId),
            EngineException or ExpressionSyntaxException or ExpressionEvaluationException
                => Problem(StatusCodes.Status400BadRequest, L.T("流程引擎拒绝了该操作", "Refused by the workflow engine"), exception),
            BpmnErrorException error => WithErrorCode(
                Problem(StatusCodes.Status400BadRequest, L.T("发生了流程模型未处理的业务错误", "A business error no part of the model handles"), error), error.ErrorCode),
            BadHttpRequestException badRequest => Problem(badRequest.StatusCode, L.T("请求无效", ReasonPhrases.GetReasonPhrase(badRequest.StatusCode)), exception),
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
        var problem = exception.RefusedByHost
            ? Problem(StatusCodes.Status422UnprocessableEntity, L.T("流程模型不符合审批约定，未部署", "The process model breaks the approval contract; nothing was deployed"), exception)
            : Problem(StatusCodes.Status400BadRequest, L.T("流程模型无效，未部署", "The process model is invalid; nothing was deployed"), exception);
        problem.Extensions["errors"] = exception.Errors
            .Select(e => new ModelError(e.ElementId, e.ElementType, e.Line, e.Message))
            .ToArray();
        return problem;
    }

    private static ProblemDetails Refused(MigrationRefusedException exception)
    {
        var problem = Problem(StatusCodes.Status409Conflict, L.T("没有迁移任何案件", "No case was migrated"), exception);
        problem.Extensions["problems"] = exception.Problems
            .Select(p => new MigrationProblemItem(p.InstanceId, p.ElementId, p.Message))
            .ToArray();
        return problem;
    }

    private static ProblemDetails WithErrorCode(ProblemDetails problem, string errorCode)
    {
        problem.Extensions["errorCode"] = errorCode;
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

    private sealed record MigrationProblemItem(Guid InstanceId, string ElementId, string Message);
}
