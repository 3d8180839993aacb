using ApprovalFlow.Engine;
using Microsoft.AspNetCore.Http.HttpResults;
using ApprovalFlow.Web.Features.Audit;

namespace ApprovalFlow.Web.Features.Tasks;

/// <summary>Downloads of task attachments, which are addressed by their own id.</summary>
public static class AttachmentsApi
{
    public static RouteGroupBuilder MapAttachmentsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/attachments").WithTags("Tasks").Audited("attachment");
        group.MapGet("/{id:guid}", DownloadAsync).WithSummary("The attachment's bytes, with its stored content type and file name");
        return group;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, HttpResponse response, WorkflowEngine engine, CancellationToken ct)
    {
        if (await engine.GetAttachmentAsync(id, ct) is not { } found)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Attachment {id} does not exist.");
        }
        // Served as a download under its checked type only: a browser must neither guess another type nor render it inline.
        response.Headers.XContentTypeOptions = "nosniff";
        var (attachment, content) = found;
        return TypedResults.File(content, attachment.ContentType, attachment.FileName, lastModified: attachment.At.AsUtc());
    }
}
