using ApprovalFlow.Engine;
using Microsoft.AspNetCore.Http.HttpResults;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Tasks;

/// <summary>Downloads of task attachments, which are addressed by their own id.</summary>
public static class AttachmentsApi
{
    public static RouteGroupBuilder MapAttachmentsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/attachments").WithTags("Tasks");
        group.MapGet("/{id:guid}", DownloadAsync).WithSummary("The attachment's bytes, with its stored content type and file name");
        return group;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, HttpContext http, HttpResponse response, WorkflowEngine engine, CancellationToken ct)
    {
        // An attachment is seen by whoever may see its task; to anyone else it does not exist.
        if (await engine.GetAttachmentAsync(id, ct) is not { } found
            || await engine.GetTaskAsync(found.Attachment.TaskId, ct) is not { } task
            || await EngineAccess.AuthorizedAsync(http, task, EngineOperation.See) is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Projects.RefusedException.TitleOf(StatusCodes.Status404NotFound),
                detail: Ui.Shell.L.T("该附件不存在。", $"Attachment {id} does not exist."));
        }
        // Served as a download under its checked type only: a browser must neither guess another type nor render it inline.
        response.Headers.XContentTypeOptions = "nosniff";
        var (attachment, content) = found;
        return TypedResults.File(content, attachment.ContentType, attachment.FileName, lastModified: attachment.At.AsUtc());
    }
}
