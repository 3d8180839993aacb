using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Audit;

/// <summary>Reading and verifying the audit log: for administrators and supervisors (督查), who trace figures back.</summary>
public static class AuditApi
{
    public const int PageSize = 50;

    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/audit")
            .WithTags("Audit")
            .RequireAuthorization(policy => policy.RequireRole(AppRoles.Administrator, AppRoles.Supervisor));
        group.MapGet("/", ListAsync)
            .WithSummary("Audit entries, newest first, 50 a page, optionally of one subject (subjectType, subjectId)");
        group.MapGet("/verify", VerifyAsync)
            .WithSummary("Walks the hash chain: intact with its count and head, or the first broken link");
        group.MapPost("/ping", PingAsync)
            .WithSummary("Health check: runs a command that changes nothing, so its audit entry is the only trace");
        return group;
    }

    public static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(
        string? subjectType, string? subjectId, int? page, AppDbContext db, CancellationToken ct)
    {
        var number = page ?? 1;
        if (number < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["page"] = [L.T("页码从 1 开始。", "Pages are numbered from 1.")],
            });
        }
        if (subjectId is not null && string.IsNullOrWhiteSpace(subjectType))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["subjectType"] = [L.T("按对象标识查询时，请同时指定对象类型（如 project、case、step）。", "Name the subject type (e.g. project, case, step) when asking for a subject id.")],
            });
        }

        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(subjectType))
        {
            entries = entries.Where(e => e.SubjectType == subjectType);
        }
        if (subjectId is not null)
        {
            entries = entries.Where(e => e.SubjectId == subjectId);
        }
        var total = await entries.CountAsync(ct);
        var items = await entries
            .OrderByDescending(e => e.Sequence)
            .Skip((number - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(ct);
        return TypedResults.Ok(new AuditPage(number, PageSize, total, items.Select(AuditEntryResponse.From).ToArray()));
    }

    public static async Task<Ok<AuditVerification>> VerifyAsync(AuditChainVerifier verifier, CancellationToken ct) =>
        TypedResults.Ok(await verifier.VerifyAsync(ct));

    public static async Task<Results<NoContent, ValidationProblem>> PingAsync(
        PingRequest? request, ISender sender, CancellationToken ct)
    {
        if (request?.Note is { Length: > PingCommand.NoteLength })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["note"] = [L.T($"说明最多 {PingCommand.NoteLength} 个字符。", $"A note has at most {PingCommand.NoteLength} characters.")],
            });
        }
        await sender.Send(new PingCommand(request?.Note), ct);
        return TypedResults.NoContent();
    }
}
