using System.Security.Claims;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Tasks;

public sealed record AttachmentResponse(Guid Id, Guid TaskId, string FileName, string ContentType, long Size, string UploadedBy, DateTime At)
{
    public static AttachmentResponse From(TaskAttachment a) =>
        new(a.Id, a.TaskId, a.FileName, a.ContentType, a.Size, a.UploadedBy, a.At.AsUtc());
}

public static partial class TasksApi
{
    /// <summary>Room for the multipart boundaries and part headers around the one file.</summary>
    private const long MultipartEnvelopeBytes = 64 * 1024;

    public static async Task<Results<Ok<AttachmentResponse[]>, ProblemHttpResult>> ListAttachmentsAsync(
        Guid id, WorkflowEngine engine, CancellationToken ct)
    {
        if (await engine.GetTaskAsync(id, ct) is null)
        {
            return NotFound(id);
        }
        var attachments = await engine.ListAttachmentsAsync(id, ct);
        return TypedResults.Ok(attachments.Select(AttachmentResponse.From).ToArray());
    }

    public static async Task<Results<Created<AttachmentResponse>, ProblemHttpResult>> AddAttachmentAsync(
        Guid id, HttpRequest request, ClaimsPrincipal user, ISender sender, IOptions<EngineOptions> options, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Unsupported(L.T("请以 multipart/form-data 上传文件，一个部分、带文件名。", "Send the file as multipart/form-data, in one part with a file name."));
        }

        // Refuse an oversized body before it is read (Kestrel enforces the limit while reading, too).
        var limit = options.Value.MaxAttachmentBytes;
        if (request.ContentLength > limit + MultipartEnvelopeBytes)
        {
            return TooLarge(limit);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + MultipartEnvelopeBytes;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception malformed) when (malformed is InvalidDataException or IOException and not BadHttpRequestException)
        {
            // A body that is not the multipart it claims (a 413 from the server's limit is left to the exception handler).
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: L.T("上传内容格式有误", "Malformed upload"), detail: malformed.Message);
        }
        if (form.Files.Count != 1)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: L.T("每次只能上传一个文件", "One file expected"),
                detail: L.T($"表单中有 {form.Files.Count} 个文件，请逐个上传。", $"The form carries {form.Files.Count} files; attach them one at a time."));
        }

        var file = form.Files[0];
        if (file.Length > limit)
        {
            return TooLarge(limit);
        }
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }
        if (AttachmentTypes.Accept(file.ContentType, file.FileName, content) is not { } contentType)
        {
            return Unsupported(L.T($"不接受“{file.FileName}”（{file.ContentType}），请上传 {AttachmentTypes.Allowed} 文件。", $"'{file.FileName}' ({file.ContentType}) is not accepted: attach a {AttachmentTypes.Allowed} file."));
        }

        var attachment = await sender.Send(new AttachFileToTask(Actor.Of(user), id, file.FileName, contentType, content), ct);
        return TypedResults.Created($"/api/attachments/{attachment.Id}", AttachmentResponse.From(attachment));
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: L.T("附件过大", "Attachment too large"),
            detail: L.T($"附件最大为 {limit:N0} 字节。", $"An attachment may have at most {limit:N0} bytes."));

    private static ProblemHttpResult Unsupported(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: L.T("不接受该文件类型", "File type not accepted"), detail: detail);
}
