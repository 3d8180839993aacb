using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Documents;

/// <summary>The audit entry a document rests on: its place in the hash chain, what was done and when (not by whom).</summary>
public sealed record VerifiedAuditEntry(long Sequence, DateTime At, string Action, string Hash);

/// <summary>What a verification code stands for: the facts the document itself shows, and its audit entry.</summary>
public sealed record DocumentVerificationResponse(
    string Code, string Kind, string Title, string TitleEn, string ProjectName, string ProjectCode, string Enterprise, string StepName,
    string Department, string Date, DateTime IssuedAt, VerifiedAuditEntry? AuditEntry);

/// <summary>
/// Anyone holding a document checks it (核验): the code names the document, so no sign-in is asked. Answers only what the
/// document shows (no officer, no personal data); an unknown code reads as missing.
/// </summary>
public sealed record VerifyDocument(string Code) : IQuery<DocumentVerificationResponse>;

public sealed class VerifyDocumentHandler(AppDbContext db, CaseDocuments documents) : IQueryHandler<VerifyDocument, DocumentVerificationResponse>
{
    public async ValueTask<DocumentVerificationResponse> Handle(VerifyDocument query, CancellationToken ct)
    {
        var code = query.Code.Trim().ToLowerInvariant();
        var verification = (code.Length == DocumentVerification.CodeLength
                ? await db.Set<DocumentVerification>().AsNoTracking().SingleOrDefaultAsync(v => v.Code == code, ct)
                : null)
            ?? throw RefusedException.NotFound(Ui.Shell.L.T("核验码不存在：本系统未出具过该文书。", "Unknown verification code: this system issued no such document."));
        // A case removed by the history retention (Engine:HistoryRetentionDays) takes its documents' facts with it.
        var set = await documents.LoadUncheckedAsync(verification.CaseId, ct) ?? throw RefusedException.NotFound(Ui.Shell.L.T(
            "该文书所属案件的记录已按保存期限清除，无法核验。", "The case of this document is no longer kept; it cannot be verified."));
        var step = set.Case.Steps.Single(s => s.Id == verification.StepId);
        var change = step.Changes.Single(c => c.Id == verification.ChangeId);
        var entry = verification.AuditSequence is { } sequence
            ? await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence == sequence)
                .Select(e => new VerifiedAuditEntry(e.Sequence, DateTime.SpecifyKind(e.At, DateTimeKind.Utc), e.Action, e.Hash)).SingleOrDefaultAsync(ct)
            : null;
        return new DocumentVerificationResponse(verification.Code, verification.Kind.Term(), verification.Kind.Title(), verification.Kind.TitleEn(),
            set.ProjectName, set.ProjectCode, set.EnterpriseName, step.Name, $"{set.CountyName}{set.DepartmentOf(step)}",
            CaseDocuments.ChinaDate(change.At), DateTime.SpecifyKind(verification.IssuedAt, DateTimeKind.Utc), entry);
    }
}
