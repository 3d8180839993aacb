using System.Net;
using System.Text;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Documents;

/// <summary>
/// A case's documents (文书) as PDF, for whoever may see the case (the enterprise, the officers, supervisors,
/// administrators); and the anonymous verification of a document's code (<c>/verify/{code}</c>, what its QR code opens).
/// </summary>
public static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Documents");
        cases.MapGet("/{id:guid}/documents", ListAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The case's documents (受理通知书, 容缺受理通知书, 补正告知书, 准予/不予许可决定书) with their download links");
        cases.MapGet("/{id:guid}/documents/{kind}", DownloadAsync)
            .Produces(StatusCodes.Status200OK, contentType: DocumentFile.ContentType)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One document of a step as PDF (kind acceptance, gap-acceptance, correction, approval, rejection; ?step=&change=)");
        return api;
    }

    /// <summary>The verification page: HTML for a person (the QR code), JSON for <c>Accept: application/json</c> or <c>?format=json</c>.</summary>
    public static IEndpointRouteBuilder MapDocumentVerification(this IEndpointRouteBuilder app)
    {
        app.MapGet("/verify/{code}", VerifyAsync).AllowAnonymous().WithTags("Documents")
            .WithSummary("Verifies a document's code: kind, project, step, department, date and the audit entry it rests on");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<CaseDocumentResponse>>> ListAsync(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListCaseDocuments(Actor.Of(http.User), id), ct));

    public static async Task<IResult> DownloadAsync(Guid id, string kind, Guid? step, long? change, HttpContext http, ISender sender,
        CancellationToken ct)
    {
        var actor = Actor.Of(http.User);
        if (!DocumentKinds.TryRead(kind, out var documentKind))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["kind"] = [L.T($"文书类型须为以下之一：{string.Join("、", DocumentKinds.All.Select(k => k.Term()))}。", $"The kind must be one of {string.Join(", ", DocumentKinds.All.Select(k => k.Term()))}.")],
            });
        }
        if (step is not { } stepId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["step"] = [L.T("请指定审批环节（?step=）。", "Name the step (?step=).")] });
        }
        var baseUrl = BaseUrl(http);
        IQuery<DocumentFile> query = documentKind switch
        {
            DocumentKind.Acceptance => new GetAcceptanceNotice(actor, id, stepId, change, baseUrl),
            DocumentKind.GapAcceptance => new GetGapAcceptanceNotice(actor, id, stepId, change, baseUrl),
            DocumentKind.Correction => new GetCorrectionNotice(actor, id, stepId, change, baseUrl),
            DocumentKind.Approval => new GetApprovalDecision(actor, id, stepId, change, baseUrl),
            _ => new GetRejectionDecision(actor, id, stepId, change, baseUrl),
        };
        var file = await sender.Send(query, ct);
        // The Chinese name as filename*=UTF-8''…, and a readable ASCII name for clients that know only filename.
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"{documentKind.Term()}-{file.VerificationCode}.pdf",
            FileNameStar = file.FileName,
        }.ToString();
        return TypedResults.File(file.Content, DocumentFile.ContentType);
    }

    public static async Task<IResult> VerifyAsync(string code, string? format, HttpContext http, ISender sender, CancellationToken ct)
    {
        var verification = await sender.Send(new VerifyDocument(code), ct);
        var wantsJson = format == "json" || http.Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
        return wantsJson ? TypedResults.Ok(verification) : TypedResults.Content(Page(verification), "text/html; charset=utf-8");
    }

    /// <summary>The app's own address as the request reached it (behind a proxy: its forwarded scheme and host).</summary>
    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static string Page(DocumentVerificationResponse v)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        html.Append($"<title>文书核验 · {E(v.Title)}</title></head><body style=\"font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem\">");
        html.Append($"<h1>文书核验 <small style=\"font-weight:normal\">Document verification</small></h1>");
        html.Append("<p data-testid=\"verify-result\">✔ 本文书由本系统出具。 This document was issued by this system.</p><table>");
        void Row(string zh, string en, string value) => html.Append($"<tr><th style=\"text-align:left;padding-right:1rem\">{zh} <small>{en}</small></th><td>{E(value)}</td></tr>");
        Row("文书", "Document", $"{v.Title}（{v.TitleEn}）");
        Row("项目", "Project", v.ProjectName);
        Row("项目代码", "Project code", v.ProjectCode);
        Row("申请单位", "Applicant", v.Enterprise);
        Row("审批事项", "Step", v.StepName);
        Row("出具部门", "Issued by", v.Department);
        Row("日期", "Date", v.Date);
        Row("核验码", "Code", v.Code);
        if (v.AuditEntry is { } entry)
        {
            Row("审计日志条目", "Audit entry", $"#{entry.Sequence} {entry.Action} {entry.At:yyyy-MM-dd HH:mm:ss} UTC");
            Row("条目哈希", "Entry hash", entry.Hash);
        }
        html.Append("</table></body></html>");
        return html.ToString();
    }
}
