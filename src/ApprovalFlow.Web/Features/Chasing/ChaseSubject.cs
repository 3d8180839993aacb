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

public enum ChaseOutcome
{
    Chased = 0,
    /// <summary>The subject was completed, paused or re-dated meanwhile, or the rung is not due for that deadline.</summary>
    NotDue = 1,
    /// <summary>Another sweep (on this or another server) fired this rung for this deadline first.</summary>
    AlreadyChased = 2,
}

/// <summary>
/// Fires one rung of the ladder for one subject and deadline: re-reads the subject in this command's transaction, then
/// writes the chase record, the inbox notifications and the e-mail outbox rows together. The chase record is inserted
/// first under a savepoint: when the unique index refuses it, another server has done it, and nothing else is written.
/// </summary>
public sealed record ChaseSubject(string Kind, Guid Id, ChaseLevel Level, DateTime Deadline, DateTime Now) : ICommand<ChaseOutcome>, IAuditedCommand
{
    public string SubjectType => Kind;

    public string? SubjectId => Id.ToString();
}

public sealed class ChaseSubjectHandler(AppDbContext db, ChaseLadder ladder, ChaseRecipients recipients, Notifier notifier, ILogger<ChaseSubjectHandler> logger)
    : ICommandHandler<ChaseSubject, ChaseOutcome>
{
    private const string Savepoint = "chase_record";

    private sealed record Work(ChasePlan Plan, Guid? CaseId, string Link, Func<ChaseLevel, NotificationText> Text,
        Func<ChaseLevel, CancellationToken, Task<IReadOnlyList<Recipient>>> Recipients);

    public async ValueTask<ChaseOutcome> Handle(ChaseSubject command, CancellationToken ct)
    {
        var now = DateTime.SpecifyKind(command.Now, DateTimeKind.Utc);
        var work = command.Kind switch
        {
            ChaseSubjectKind.Step => await StepAsync(command.Id, now, ct),
            ChaseSubjectKind.Gap => await GapAsync(command.Id, now, ct),
            ChaseSubjectKind.Verification => await VerificationAsync(command.Id, now, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.Kind, "No such chase subject."),
        };
        var epoch = ChaseRecord.EpochOf(command.Deadline);
        if (work is null || ChaseRecord.EpochOf(work.Plan.Deadline) != epoch || !work.Plan.Due.Contains(command.Level)) return ChaseOutcome.NotDue;
        if (await db.Set<ChaseRecord>().AnyAsync(c => c.SubjectKind == command.Kind && c.SubjectId == command.Id
                && c.Level == command.Level && c.DeadlineEpoch == epoch, ct))
        {
            return ChaseOutcome.AlreadyChased;
        }

        var to = await work.Recipients(command.Level, ct);
        var record = new ChaseRecord(command.Kind, command.Id, command.Level, DateTime.SpecifyKind(work.Plan.Deadline, DateTimeKind.Utc),
            work.CaseId, now, to.DistinctBy(r => r.UserId).Count());
        var transaction = db.Database.CurrentTransaction;
        if (transaction is not null) await transaction.CreateSavepointAsync(Savepoint, ct);
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (ProjectCodeTaken.IsUniqueViolation(exception) && transaction is not null)
        {
            await transaction.RollbackToSavepointAsync(Savepoint, ct);
            db.Entry(record).State = EntityState.Detached;
            return ChaseOutcome.AlreadyChased;
        }

        if (to.Count == 0)
        {
            logger.LogWarning("Chase {Level} of {Kind} {Id}: nobody holds the role it goes to; recorded as done", command.Level, command.Kind, command.Id);
        }
        notifier.Notify(to, ChaseMessages.Kind(command.Level), work.Text(command.Level), work.Link, work.CaseId, now);
        return ChaseOutcome.Chased;
    }

    private async Task<Work?> StepAsync(Guid id, DateTime now, CancellationToken ct)
    {
        var step = await db.Set<ApprovalStep>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (step is null || ladder.ForStep(step, now) is not { } plan) return null;
        var approvalCase = await db.Set<ApprovalCase>().AsNoTracking().SingleAsync(c => c.Id == step.CaseId, ct);
        if (approvalCase.Status != ApprovalCaseStatus.Running) return null;
        var project = await ProjectNameAsync(approvalCase.ProjectId, ct);
        return new Work(plan, approvalCase.Id, $"/api/cases/{approvalCase.Id}",
            level => ChaseMessages.ForWork(level, project, step.Name, step.Department, plan.Deadline, plan.WorkingDaysLeft),
            (level, token) => RecipientsOfWorkAsync(level, approvalCase, step.Department, null, token));
    }

    private async Task<Work?> GapAsync(Guid id, DateTime now, CancellationToken ct)
    {
        var gap = await db.Set<ToleratedGap>().AsNoTracking().Include(g => g.Materials).SingleOrDefaultAsync(g => g.Id == id, ct);
        if (gap is null || ladder.ForGap(gap, now) is not { } plan) return null;
        var project = await ProjectNameAsync(gap.ProjectId, ct);
        var missing = string.Join("、", gap.Materials.Where(m => m.SuppliedAt is null).OrderBy(m => m.MaterialCode, StringComparer.Ordinal).Select(m => m.Name));
        return new Work(plan, gap.CaseId, $"/api/gaps/{gap.Id}",
            level => ChaseMessages.ForGap(level, project, missing, plan.Deadline, plan.WorkingDaysLeft),
            async (_, token) => await recipients.EnterpriseUsersAsync(gap.EnterpriseId, token));
    }

    private async Task<Work?> VerificationAsync(Guid taskId, DateTime now, CancellationToken ct)
    {
        var task = await db.Set<HumanTaskRecord>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || task.Status != HumanTaskStatus.Open || task.ElementId != VerifyPledgeOnCase.TaskElement) return null;
        var approvalCase = await db.Set<ApprovalCase>().AsNoTracking().SingleOrDefaultAsync(c => c.InstanceId == task.InstanceId, ct);
        if (approvalCase is null || approvalCase.Status != ApprovalCaseStatus.Running) return null;
        var plan = ladder.ForVerification(task.CreatedAt, now);
        var department = (task.CandidateGroups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var project = await ProjectNameAsync(approvalCase.ProjectId, ct);
        var name = task.Name ?? "部门核查承诺";
        return new Work(plan, approvalCase.Id, $"/api/cases/{approvalCase.Id}",
            level => ChaseMessages.ForWork(level, project, name, department, plan.Deadline, plan.WorkingDaysLeft),
            (level, token) => RecipientsOfWorkAsync(level, approvalCase, department, task.Id, token));
    }

    private async Task<IReadOnlyList<Recipient>> RecipientsOfWorkAsync(ChaseLevel level, ApprovalCase approvalCase, string department, Guid? task, CancellationToken ct) =>
        level switch
        {
            ChaseLevel.Reminder => await recipients.ActorsAsync(approvalCase.InstanceId, department, task, ct),
            ChaseLevel.Escalation => await recipients.HeadsOfAsync(department, ct),
            _ => await recipients.LeaderAndSupervisorsAsync(approvalCase.ProjectId, ct),
        };

    private async Task<string> ProjectNameAsync(Guid projectId, CancellationToken ct) =>
        await db.Set<Project>().Where(p => p.Id == projectId).Select(p => p.Name).SingleOrDefaultAsync(ct) ?? projectId.ToString();
}
