using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Administration;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Counties;
using ApprovalFlow.Web.Features.Gaps;
using ApprovalFlow.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Documents;

/// <summary>A case as its documents see it: the facts they print, and the documents its steps' histories give rise to.</summary>
public sealed record CaseDocumentSet(
    ApprovalCase Case, string ProjectName, string ProjectCode, string EnterpriseName, string CountyName,
    IReadOnlyDictionary<string, string> DepartmentNames, IReadOnlyList<OfferedDocument> Offered)
{
    public string DepartmentOf(ApprovalStep step) => DepartmentNames.GetValueOrDefault(step.Department, step.Department);

    /// <summary>The document of that kind on that step: the one of that history entry, else the newest; missing reads as 404.</summary>
    public OfferedDocument Pick(DocumentKind kind, Guid stepId, long? changeId) =>
        Offered.Where(d => d.Kind == kind && d.Step.Id == stepId && (changeId is null || d.Change.Id == changeId))
            .OrderBy(d => d.Change.At).ThenBy(d => d.Change.Id).LastOrDefault()
        ?? throw RefusedException.NotFound(Ui.Shell.L.T($"该审批环节没有{kind.Title()}。", $"The step has no {kind.TitleEn().ToLowerInvariant()}."));
}

/// <summary>A generated document, ready to be sent.</summary>
public sealed record DocumentFile(string FileName, byte[] Content, string VerificationCode)
{
    public const string ContentType = "application/pdf";
}

/// <summary>
/// What every document query shares: the case, read through the one visibility rule (<see cref="CaseVisibility"/>: a
/// case the caller may not see reads as missing); its facts from the database; the verification code of a document
/// (written the first time it is generated) and the rendering.
/// </summary>
public sealed class CaseDocuments(AppDbContext db, WorkflowEngine engine, DocumentRenderer renderer, TimeProvider clock)
{
    public async Task<CaseDocumentSet> LoadAsync(Actor actor, Guid caseId, CancellationToken ct)
    {
        var approvalCase = await (await db.CasesVisibleToAsync(engine, actor, ct))
            .AsNoTracking()
            .Include(c => c.Steps).ThenInclude(s => s.Changes)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == caseId, ct)
            ?? throw RefusedException.NotFound(Ui.Shell.L.T("该案件不存在或您无权查看。", $"Case {caseId} does not exist."));
        return await FactsAsync(approvalCase, ct);
    }

    /// <summary>The facts of a case already known to exist (the verification page: the code stands for the caller's right).</summary>
    public async Task<CaseDocumentSet?> LoadUncheckedAsync(Guid caseId, CancellationToken ct)
    {
        var approvalCase = await db.Set<ApprovalCase>().AsNoTracking()
            .Include(c => c.Steps).ThenInclude(s => s.Changes)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == caseId, ct);
        return approvalCase is null ? null : await FactsAsync(approvalCase, ct);
    }

    private async Task<CaseDocumentSet> FactsAsync(ApprovalCase approvalCase, CancellationToken ct)
    {
        var project = await db.Set<Project>().AsNoTracking()
            .Where(p => p.Id == approvalCase.ProjectId)
            .Select(p => new { p.Name, p.Code, Enterprise = p.Enterprise.Name })
            .SingleAsync(ct);
        var county = await db.Set<County>().AsNoTracking().Where(c => c.Code == approvalCase.CountyCode).Select(c => c.Name)
            .SingleOrDefaultAsync(ct) ?? approvalCase.CountyCode;
        var codes = approvalCase.Steps.Select(s => s.Department).Distinct().ToList();
        var departments = await db.Set<Department>().AsNoTracking().Where(d => codes.Contains(d.Code))
            .ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var gaps = await db.Set<ToleratedGap>().AsNoTracking().Include(g => g.Materials)
            .Where(g => g.CaseId == approvalCase.Id).ToListAsync(ct);
        var offered = approvalCase.Steps
            .OrderBy(s => s.CreatedAt)
            .SelectMany(s => StepDocuments.Of(s, gaps.Where(g => g.StepId == s.Id).ToList()))
            .ToList();
        return new CaseDocumentSet(approvalCase, project.Name, project.Code.Value, project.Enterprise, county, departments, offered);
    }

    /// <summary>The document's verification code: the one it already has, else a new one recorded with the audit entry it rests on.</summary>
    public async Task<DocumentVerification> VerificationOfAsync(OfferedDocument document, CancellationToken ct)
    {
        if (await FindAsync(document, ct) is { } known) return known;
        var verification = new DocumentVerification(DocumentVerification.NewCode(), document.Kind, document.Step.CaseId, document.Step.Id,
            document.Change.Id, await AuditEntryOfAsync(document, ct), clock.GetUtcNow().UtcDateTime);
        db.Add(verification);
        try
        {
            await db.SaveChangesAsync(ct);
            return verification;
        }
        catch (DbUpdateException)
        {
            // Someone generated the same document at the same moment: theirs stands.
            db.Entry(verification).State = EntityState.Detached;
            return await FindAsync(document, ct) ?? throw new InvalidOperationException("The document's verification code could not be recorded.");
        }
    }

    private Task<DocumentVerification?> FindAsync(OfferedDocument document, CancellationToken ct) =>
        db.Set<DocumentVerification>().AsNoTracking()
            .SingleOrDefaultAsync(v => v.StepId == document.Step.Id && v.Kind == document.Kind && v.ChangeId == document.Change.Id, ct);

    /// <summary>
    /// The audit entry of the command that made the history entry: the first succeeded entry of the kind's command
    /// (<see cref="DocumentKinds.AuditAction"/>) from the moment of the change on (a command's entry is appended after its
    /// work), by the same actor; when the command was recorded under another name (start-up work such as the demo data
    /// is recorded as <c>system</c>), the first such entry of anyone.
    /// </summary>
    private async Task<long?> AuditEntryOfAsync(OfferedDocument document, CancellationToken ct)
    {
        var from = document.Change.At.AddMilliseconds(-1);
        var until = document.Change.At.AddMinutes(5);
        var action = document.Kind.AuditAction();
        var candidates = await db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == action && e.Outcome == AuditOutcome.Succeeded && e.At >= from && e.At <= until)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Actor })
            .Take(50)
            .ToListAsync(ct);
        return (candidates.FirstOrDefault(e => e.Actor == document.Change.Actor) ?? candidates.FirstOrDefault())?.Sequence;
    }

    /// <summary>Renders the document with its verification code and URL (<c>{baseUrl}/verify/{code}</c>).</summary>
    public async Task<DocumentFile> RenderAsync(CaseDocumentSet set, OfferedDocument document, string addressee,
        IReadOnlyList<string> body, string baseUrl, CancellationToken ct)
    {
        var verification = await VerificationOfAsync(document, ct);
        var url = $"{baseUrl.TrimEnd('/')}/verify/{verification.Code}";
        var page = new DocumentPage(
            document.Kind.Title(), addressee, body, $"{set.CountyName}{set.DepartmentOf(document.Step)}",
            ChinaDate(document.Change.At), verification.Code, url);
        var content = renderer.Render(page);
        var fileName = $"{document.Kind.Title()}-{set.ProjectName}-{document.Step.Name}.pdf";
        return new DocumentFile(fileName, content, verification.Code);
    }

    /// <summary>A date as Chinese documents write it, in China Standard Time: 2026年12月7日.</summary>
    public static string ChinaDate(DateTime utc)
    {
        var day = ChinaStandardTime.DateOf(utc);
        return $"{day.Year}年{day.Month}月{day.Day}日";
    }
}
