using ApprovalFlow.Engine;
using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Gaps;
using ApprovalFlow.Web.Features.Notifications;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Chasing;

/// <summary>
/// Fires a batch of due rungs (at most <see cref="ChasingOptions.SweepBatchSize"/>) in one transaction and one audit
/// entry: re-reads the subjects together, keeps the rungs still due for the same deadline, finds their recipients, then
/// writes the chase records and, only for those no other sweep recorded first, the inbox notifications and the e-mail
/// outbox rows. The rungs themselves are not copied into the audit entry (their chase records are the trace), only
/// their number.
/// </summary>
public sealed record ChaseDueRungs([property: NotAudited] IReadOnlyList<ChaseRung> Rungs, DateTime Now) : ICommand<ChaseSweepResult>, IAuditedCommand
{
    public const string Subject = "chase-sweep";

    public string SubjectType => Subject;

    public string? SubjectId => null;

    /// <summary>How many rungs the batch held: recorded in the audit entry's data.</summary>
    public int RungCount => Rungs.Count;
}

public sealed class ChaseDueRungsHandler(
    AppDbContext db, WorkflowEngine engine, ChaseLadder ladder, ChaseRecipients recipients, ChaseRowWriter rows, ILogger<ChaseDueRungsHandler> logger)
    : ICommandHandler<ChaseDueRungs, ChaseSweepResult>
{
    /// <summary>A subject still to chase: its plan as of now, and what each rung says and to whom.</summary>
    private sealed record Subject(ChasePlan Plan, Guid? CaseId, string Link, Func<ChaseLevel, NotificationText> Text, Func<ChaseLevel, ChaseAudience> Audience);

    private sealed record ProjectFacts(string Name, string? PairedLeaderUserId);

    private sealed record Firing(ChaseRung Rung, Subject Subject, IReadOnlyList<Recipient> To, ChaseRecord Record);

    public async ValueTask<ChaseSweepResult> Handle(ChaseDueRungs command, CancellationToken ct)
    {
        var now = DateTime.SpecifyKind(command.Now, DateTimeKind.Utc);
        var rungs = command.Rungs.DistinctBy(r => (r.Kind, r.Id, r.Level, ChaseRecord.EpochOf(r.Deadline))).ToList();
        var subjects = await SubjectsAsync(rungs, now, ct);

        // Completed, decided, paused or re-dated since the sweep found it: not chased for the old state.
        var due = rungs
            .Select(r => (Rung: r, Subject: subjects.GetValueOrDefault((r.Kind, r.Id))))
            .Where(d => d.Subject is { } s && ChaseRecord.EpochOf(s.Plan.Deadline) == ChaseRecord.EpochOf(d.Rung.Deadline) && s.Plan.Due.Contains(d.Rung.Level))
            .Select(d => (d.Rung, Subject: d.Subject!, Audience: d.Subject!.Audience(d.Rung.Level)))
            .ToList();
        var audiences = await recipients.ResolveAsync(due.Select(d => d.Audience), ct);
        var firings = due.Select(d =>
        {
            var to = audiences[d.Audience];
            var record = new ChaseRecord(d.Rung.Kind, d.Rung.Id, d.Rung.Level, DateTime.SpecifyKind(d.Subject.Plan.Deadline, DateTimeKind.Utc),
                d.Subject.CaseId, now, to.DistinctBy(r => r.UserId).Count());
            return new Firing(d.Rung, d.Subject, to, record);
        }).ToList();

        var recorded = await rows.InsertNewRecordsAsync(firings.Select(f => f.Record).ToList(), ct);
        // Lower rungs first: all share the moment, so a user's inbox lists a reminder before the escalation fired with it.
        var inbox = new List<Notification>();
        var email = new List<OutboxMessage>();
        foreach (var (rung, subject, to, _) in firings.Where(f => recorded.Contains(f.Record.Id)).OrderBy(f => f.Rung.Level))
        {
            if (to.Count == 0)
            {
                logger.LogWarning("Chase {Level} of {Kind} {Id}: nobody holds the role it goes to; recorded as done", rung.Level, rung.Kind, rung.Id);
            }
            var (toInbox, toEmail) = Notifier.Compose(to, ChaseMessages.Kind(rung.Level), subject.Text(rung.Level), subject.Link, subject.CaseId, now);
            inbox.AddRange(toInbox);
            email.AddRange(toEmail);
        }
        await rows.InsertNotificationsAsync(inbox, email, ct);
        return new ChaseSweepResult(recorded.Count, firings.Count - recorded.Count, rungs.Count - due.Count);
    }

    /// <summary>
    /// The batch's subjects still in a state to be chased, read with one query per table whatever the batch's size:
    /// steps, gaps (with their materials), verification tasks, their running cases, their projects.
    /// </summary>
    private async Task<Dictionary<(string Kind, Guid Id), Subject>> SubjectsAsync(List<ChaseRung> rungs, DateTime now, CancellationToken ct)
    {
        var idsOf = rungs.ToLookup(r => r.Kind, r => r.Id);
        var stepIds = idsOf[ChaseSubjectKind.Step].Distinct().ToList();
        var gapIds = idsOf[ChaseSubjectKind.Gap].Distinct().ToList();
        var taskIds = idsOf[ChaseSubjectKind.Verification].Distinct().ToList();

        var steps = stepIds.Count == 0 ? [] : await db.Set<ApprovalStep>().AsNoTracking()
            .Where(s => stepIds.Contains(s.Id)).ToListAsync(ct);
        var gaps = gapIds.Count == 0 ? [] : await db.Set<ToleratedGap>().AsNoTracking().Include(g => g.Materials)
            .Where(g => gapIds.Contains(g.Id)).ToListAsync(ct);
        var verifying = taskIds.Count == 0 ? [] : await CaseModel.ElementIdsWithRoleAsync(engine, TaskRole.VerifyPledge, ct);
        var tasks = taskIds.Count == 0 ? [] : await db.Set<HumanTaskRecord>().AsNoTracking()
            .Where(t => taskIds.Contains(t.Id) && t.Status == HumanTaskStatus.Open && verifying.Contains(t.ElementId))
            .ToListAsync(ct);

        var caseIds = steps.Select(s => s.CaseId).Distinct().ToList();
        var instanceIds = tasks.Select(t => t.InstanceId).Distinct().ToList();
        var running = caseIds.Count + instanceIds.Count == 0 ? [] : await db.Set<ApprovalCase>().AsNoTracking()
            .Where(c => (caseIds.Contains(c.Id) || instanceIds.Contains(c.InstanceId)) && c.Status == ApprovalCaseStatus.Running)
            .ToListAsync(ct);
        var runningCase = running.ToDictionary(c => c.Id);
        var runningInstance = running.ToDictionary(c => c.InstanceId);

        var projectIds = running.Select(c => c.ProjectId).Concat(gaps.Select(g => g.ProjectId)).Distinct().ToList();
        var projects = projectIds.Count == 0 ? [] : await db.Set<Project>().AsNoTracking()
            .Where(p => projectIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new ProjectFacts(p.Name, p.PairedLeaderUserId), ct);
        ProjectFacts ProjectOf(Guid id) => projects.GetValueOrDefault(id) ?? new ProjectFacts(id.ToString(), null);

        var subjects = new Dictionary<(string, Guid), Subject>();
        foreach (var step in steps)
        {
            if (ladder.ForStep(step, now) is not { } plan || !runningCase.TryGetValue(step.CaseId, out var approvalCase)) continue;
            var project = ProjectOf(approvalCase.ProjectId);
            subjects[(ChaseSubjectKind.Step, step.Id)] = new Subject(plan, approvalCase.Id, $"/api/cases/{approvalCase.Id}",
                level => ChaseMessages.ForWork(level, project.Name, step.Name, step.Department, plan.Deadline, plan.WorkingDaysLeft),
                level => AudienceOfWork(level, approvalCase, step.Department, null, project));
        }
        foreach (var gap in gaps)
        {
            if (ladder.ForGap(gap, now) is not { } plan) continue;
            var project = ProjectOf(gap.ProjectId);
            var missing = string.Join("、", gap.Materials.Where(m => m.SuppliedAt is null).OrderBy(m => m.MaterialCode, StringComparer.Ordinal).Select(m => m.Name));
            subjects[(ChaseSubjectKind.Gap, gap.Id)] = new Subject(plan, gap.CaseId, $"/api/gaps/{gap.Id}",
                level => ChaseMessages.ForGap(level, project.Name, missing, plan.Deadline, plan.WorkingDaysLeft),
                _ => new EnterpriseUsers(gap.EnterpriseId));
        }
        foreach (var task in tasks)
        {
            if (!runningInstance.TryGetValue(task.InstanceId, out var approvalCase)) continue;
            var plan = ladder.ForVerification(task.CreatedAt, now);
            var department = (task.CandidateGroups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            var project = ProjectOf(approvalCase.ProjectId);
            var name = task.Name ?? "部门核查承诺";
            subjects[(ChaseSubjectKind.Verification, task.Id)] = new Subject(plan, approvalCase.Id, $"/api/cases/{approvalCase.Id}",
                level => ChaseMessages.ForWork(level, project.Name, name, department, plan.Deadline, plan.WorkingDaysLeft),
                level => AudienceOfWork(level, approvalCase, department, task.Id, project));
        }
        return subjects;
    }

    /// <summary>A step's or verification's rung: the actors, then the department's heads, then the leader and supervisors.</summary>
    private static ChaseAudience AudienceOfWork(ChaseLevel level, ApprovalCase approvalCase, string department, Guid? task, ProjectFacts project) =>
        level switch
        {
            ChaseLevel.Reminder => new ActorsOfWork(approvalCase.InstanceId, department, task),
            ChaseLevel.Escalation => new HeadsOfDepartment(department),
            _ => new LeaderAndSupervisors(project.PairedLeaderUserId),
        };
}
