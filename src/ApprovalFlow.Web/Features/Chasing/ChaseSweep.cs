using ApprovalFlow.Engine;
using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Gaps;
using ApprovalFlow.Web.Features.Lights;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Chasing;

/// <summary>What a sweep, or one batch of it, did with the rungs it found due.</summary>
public sealed record ChaseSweepResult(int Chased, int AlreadyChased, int NotDue);

/// <summary>
/// Finds the rungs due as of a moment and fires them in batches of <see cref="ChasingOptions.SweepBatchSize"/>, each an
/// audited command (<see cref="ChaseDueRungs"/>) and transaction of its own. It reads only what is due or nearly due:
/// open steps by (status, due date) within the yellow look-ahead, pending gaps by (status, deadline), open verification
/// tasks old enough to be yellow; subjects whose last rung is recorded for their deadline are left out in the query.
/// Anything a restart missed is simply still due, so the next sweep fires it, once.
/// </summary>
public sealed class ChaseSweep(IServiceScopeFactory scopes, IOptions<ChasingOptions> options, ILogger<ChaseSweep> logger)
{
    private sealed record Due(string Kind, Guid Id, ChaseLevel Level, DateTime Deadline);

    public async Task<ChaseSweepResult> RunAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        now = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        var due = await FindDueAsync(now, cancellationToken);
        int chased = 0, already = 0, notDue = 0;
        foreach (var batch in due.Chunk(Math.Max(1, options.Value.SweepBatchSize)))
        {
            await using var scope = scopes.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var rungs = batch.Select(d => new ChaseRung(d.Kind, d.Id, d.Level, d.Deadline)).ToList();
            var result = await sender.Send(new ChaseDueRungs(rungs, now), cancellationToken);
            chased += result.Chased;
            already += result.AlreadyChased;
            notDue += result.NotDue;
        }
        if (chased > 0) logger.LogInformation("Chase sweep: {Chased} chase(s) fired, {Already} already done elsewhere", chased, already);
        return new ChaseSweepResult(chased, already, notDue);
    }

    private async Task<List<Due>> FindDueAsync(DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var ladder = services.GetRequiredService<ChaseLadder>();
        var rule = services.GetRequiredService<LightRule>();
        var calendar = services.GetRequiredService<WorkingDayCalendar>();
        var chasing = services.GetRequiredService<IOptions<ChasingOptions>>().Value;
        var lights = services.GetRequiredService<IOptions<LightOptions>>().Value;
        var horizon = calendar.AddWorkingDays(now, rule.YellowThreshold(Math.Max(1, chasing.LongestTimeLimitWorkingDays)));
        var records = db.Set<ChaseRecord>();
        var found = new List<Due>();

        var statuses = ChaseLadder.ChasedStepStatuses;
        var steps = await db.Set<ApprovalStep>().AsNoTracking()
            .Where(s => statuses.Contains(s.Status) && s.DueAt != null && s.DueAt <= horizon && s.ClockPausedAt == null)
            .Where(s => !records.Any(c => c.SubjectKind == ChaseSubjectKind.Step && c.SubjectId == s.Id
                && c.Level == ChaseLevel.LeaderEscalation && c.Deadline == s.DueAt))
            .ToListAsync(ct);
        foreach (var step in steps)
        {
            if (ladder.ForStep(step, now) is { } plan) found.AddRange(plan.Due.Select(l => new Due(ChaseSubjectKind.Step, step.Id, l, plan.Deadline)));
        }

        var gaps = await db.Set<ToleratedGap>().AsNoTracking()
            .Where(g => (g.Status == GapStatus.Open || g.Status == GapStatus.Overdue) && g.SupplementDeadline <= horizon)
            .Where(g => !records.Any(c => c.SubjectKind == ChaseSubjectKind.Gap && c.SubjectId == g.Id
                && c.Level == ChaseLevel.Escalation && c.Deadline == g.SupplementDeadline))
            .ToListAsync(ct);
        foreach (var gap in gaps)
        {
            if (ladder.ForGap(gap, now) is { } plan) found.AddRange(plan.Due.Select(l => new Due(ChaseSubjectKind.Gap, gap.Id, l, plan.Deadline)));
        }

        // Calendar days are never fewer than working days, so this cut-off keeps every verification that can be yellow.
        var limit = Math.Max(1, lights.PledgeVerificationWorkingDays);
        var openedBefore = now.AddDays(-(limit - rule.YellowThreshold(limit)) + 1);
        var verifying = await CaseModel.ElementIdsWithRoleAsync(services.GetRequiredService<WorkflowEngine>(), TaskRole.VerifyPledge, ct);
        var verifications = await db.Set<HumanTaskRecord>().AsNoTracking()
            .Where(t => verifying.Contains(t.ElementId) && t.Status == HumanTaskStatus.Open && t.CreatedAt <= openedBefore)
            .Select(t => new { t.Id, t.CreatedAt })
            .ToListAsync(ct);
        foreach (var task in verifications)
        {
            var plan = ladder.ForVerification(task.CreatedAt, now);
            found.AddRange(plan.Due.Select(l => new Due(ChaseSubjectKind.Verification, task.Id, l, plan.Deadline)));
        }

        // Leave out rungs already recorded, so that a sweep that finds nothing new sends no command.
        var ids = found.Select(d => d.Id).Distinct().ToList();
        var done = new HashSet<(Guid, ChaseLevel, long)>();
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await records.AsNoTracking().Where(c => chunk.Contains(c.SubjectId))
                .Select(c => new { c.SubjectId, c.Level, c.DeadlineEpoch }).ToListAsync(ct);
            done.UnionWith(rows.Select(r => (r.SubjectId, r.Level, r.DeadlineEpoch)));
        }
        return found.Where(d => !done.Contains((d.Id, d.Level, ChaseRecord.EpochOf(d.Deadline))))
            .OrderBy(d => d.Deadline).ThenBy(d => d.Id).ThenBy(d => d.Level).ToList();
    }
}
