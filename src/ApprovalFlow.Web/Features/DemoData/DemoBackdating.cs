using ApprovalFlow.Engine;
using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.DemoData;

/// <summary>
/// DEMO DATA ONLY. The use cases take their times from the clock, so a step accepted at seeding is never overdue.
/// To show one, the step is accepted through the real command and then its acceptance is moved into the past here,
/// directly in the database: the step's AcceptedAt and DueAt, the open review task's CreatedAt and DueAt, and the
/// review's overdue timer. The step history and the audit log keep the real seeding time of the acceptance, so an
/// auditor can tell that this case was staged. Never use this outside the demo seeding.
/// </summary>
public static class DemoBackdating
{
    public static async Task MoveAcceptanceBackAsync(DemoSession session, CaseResponse approvalCase, string stepCode, TimeSpan by)
    {
        var timers = await session.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var clock = sp.GetRequiredService<StepClock>();
            var ct = session.Cancellation;
            var step = await db.Set<ApprovalStep>().Include(s => s.Pauses)
                .SingleAsync(s => s.CaseId == approvalCase.Id && s.StepCode == stepCode, ct);
            var acceptedAt = step.AcceptedAt ?? throw new InvalidOperationException($"Step {stepCode} has not been accepted.");
            step.StartClock(acceptedAt - by, null);
            step.SetDueAt(clock.DueAt(step));

            // The step's review task and its overdue timer, by their roles in the case's model.
            var engine = sp.GetRequiredService<WorkflowEngine>();
            var model = await CaseModel.ForInstanceAsync(engine, approvalCase.InstanceId, ct);
            var reviews = model.TasksOf(stepCode).Where(e => ApprovalRoles.RoleOf(e.Extensions) == TaskRole.Review).Select(e => e.Id).ToList();
            var overdue = model.Elements.Values.Where(e => e.Extensions.GetValueOrDefault(ApprovalRoles.StepCode) == stepCode
                && e.Extensions.GetValueOrDefault(ApprovalRoles.Marks) == StepMarks.Overdue).Select(e => e.Id).ToList();
            foreach (var task in await db.Set<HumanTaskRecord>()
                .Where(t => t.InstanceId == approvalCase.InstanceId && reviews.Contains(t.ElementId) && t.Status == HumanTaskStatus.Open).ToListAsync(ct))
            {
                task.CreatedAt -= by;
                task.DueAt = step.DueAt;
            }
            var pending = await db.Set<TimerRecord>()
                .Where(t => t.InstanceId == approvalCase.InstanceId && overdue.Contains(t.ElementId) && t.Status == TimerStatus.Pending)
                .ToListAsync(ct);
            foreach (var timer in pending)
            {
                timer.CreatedAt -= by;
                timer.DueAt -= by;
            }
            await db.SaveChangesAsync(ct);
            return pending.Select(t => (t.Id, t.DueAt)).ToList();
        });
        // With Hangfire the moved timer fires at once and the engine records the step as overdue (超期已标记).
        await session.InScopeAsync(sp =>
        {
            var scheduler = sp.GetRequiredService<ITimerScheduler>();
            foreach (var (id, dueAt) in timers) scheduler.Schedule(id, dueAt);
            return Task.FromResult(0);
        });
    }
}
