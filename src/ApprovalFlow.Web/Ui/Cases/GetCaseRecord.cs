using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Gaps;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Ui.Cases;

/// <summary>One line of a case's timeline: an audited command on the case, a step, a task or a gap, or a step's status change.</summary>
public sealed record TimelineEntry(DateTime At, string Actor, string What, string? Subject, string Outcome, string? Note);

/// <summary>A file attached to one of the case's tasks (材料), without its content.</summary>
public sealed record CaseMaterial(Guid Id, Guid TaskId, string? TaskName, string FileName, string ContentType, long Size, string UploadedBy, DateTime At);

/// <summary>What the case page shows beside the steps: the timeline, the materials and the tolerated gaps.</summary>
public sealed record CaseRecord(CaseResponse Case, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<CaseMaterial> Materials,
    IReadOnlyList<ToleratedGapResponse> Gaps);

/// <summary>The case's record for whoever may see the case (<see cref="GetCase"/> decides; a case the caller may not see reads as missing).</summary>
public sealed record GetCaseRecord(Actor Actor, Guid CaseId) : IQuery<CaseRecord>;

public sealed class GetCaseRecordHandler(AppDbContext db, ISender sender) : IQueryHandler<GetCaseRecord, CaseRecord>
{
    public async ValueTask<CaseRecord> Handle(GetCaseRecord query, CancellationToken ct)
    {
        var approvalCase = await sender.Send(new GetCase(query.Actor, query.CaseId), ct);
        var gaps = (await sender.Send(new ListGaps(query.Actor, approvalCase.ProjectId, null), ct)).Where(g => g.CaseId == approvalCase.Id).ToList();

        var taskNames = await db.Set<HumanTaskRecord>().AsNoTracking().Where(t => t.InstanceId == approvalCase.InstanceId)
            .Select(t => new { t.Id, t.Name, t.ElementId }).ToListAsync(ct);
        var subjects = new List<string> { approvalCase.Id.ToString() };
        subjects.AddRange(approvalCase.Steps.Select(s => s.Id.ToString()));
        subjects.AddRange(taskNames.Select(t => t.Id.ToString()));
        subjects.AddRange(gaps.Select(g => g.Id.ToString()));
        var audited = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.SubjectId != null && subjects.Contains(e.SubjectId))
            .OrderBy(e => e.Sequence).Take(1000).ToListAsync(ct);

        var names = taskNames.ToDictionary(t => t.Id.ToString(), t => t.Name ?? t.ElementId);
        foreach (var s in approvalCase.Steps) names[s.Id.ToString()] = s.Name;
        var timeline = audited.Select(e => new TimelineEntry(DateTime.SpecifyKind(e.At, DateTimeKind.Utc), e.Actor, e.Action,
                e.SubjectId is { } id && names.TryGetValue(id, out var n) ? n : e.SubjectType, e.Outcome.ToString(), e.OutcomeMessage))
            .Concat(approvalCase.Steps.SelectMany(s => s.History.Select(h =>
                new TimelineEntry(h.At, h.Actor, $"{h.From} → {h.To}", s.Name, "StatusChange", h.Note))))
            .OrderBy(t => t.At).ToList();

        var taskIds = taskNames.Select(t => t.Id).ToList();
        var materials = await db.Set<TaskAttachmentRecord>().AsNoTracking().Where(a => a.InstanceId == approvalCase.InstanceId)
            .OrderBy(a => a.At)
            .Select(a => new { a.Id, a.TaskId, a.FileName, a.ContentType, a.Size, a.UploadedBy, a.At })
            .ToListAsync(ct);
        return new CaseRecord(approvalCase, timeline,
            [.. materials.Select(a => new CaseMaterial(a.Id, a.TaskId, names.GetValueOrDefault(a.TaskId.ToString()), a.FileName, a.ContentType, a.Size,
                a.UploadedBy, DateTime.SpecifyKind(a.At, DateTimeKind.Utc)))],
            gaps);
    }
}
