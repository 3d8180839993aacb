using ApprovalFlow.Web.Features.Projects;
using Microsoft.AspNetCore.Http.Features;

namespace ApprovalFlow.Web.Features.Designer;

/// <summary>
/// Reads a model sent as the request body (deploy, the designer's publish and validation), refusing one above
/// <see cref="MaxBytes"/> with 413 before or while it is read: the largest shipped model is about 110 KB.
/// </summary>
public static class ModelBody
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) throw TooLarge();
        // Kestrel then stops a longer body itself (413 through the exception handler); other servers are counted below.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = MaxBytes;
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > MaxBytes) throw TooLarge();
            body.Write(buffer, 0, read);
        }
        return body.ToArray();
    }

    private static RefusedException TooLarge() => new(StatusCodes.Status413PayloadTooLarge,
        Ui.Shell.L.T("模型过大", "Model too large"),
        Ui.Shell.L.T($"模型最多 {MaxBytes / 1024 / 1024} MB。", $"A model may be at most {MaxBytes / 1024 / 1024} MB."));
}
