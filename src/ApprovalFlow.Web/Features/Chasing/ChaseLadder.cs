using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Gaps;
using ApprovalFlow.Web.Features.Lights;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Chasing;

/// <summary>
/// Which rungs are due: yellow → reminder; red → escalation as well; red for <see cref="ChasingOptions.LeaderEscalationWorkingDays"/>
/// more working days → leader escalation as well. A gap climbs only to escalation (the enterprise is told it is overdue;
/// the gap sweep then suspends and returns it). The sweep asks it to find work and each chase asks it again in its own
/// transaction, so a subject completed, decided, paused or re-dated meanwhile is not chased for the old state.
/// </summary>
public sealed class ChaseLadder(SubjectLights lights, WorkingDayCalendar calendar, IOptions<ChasingOptions> options)
{
    /// <summary>Statuses in which the department has to act; a step waiting for the enterprise (returned, suspended) is not chased.</summary>
    public static readonly StepStatus[] ChasedStepStatuses = [StepStatus.AwaitingAcceptance, StepStatus.UnderReview, StepStatus.AwaitingDecision];

    public ChasePlan? ForStep(ApprovalStep step, DateTime nowUtc)
    {
        if (!ChasedStepStatuses.Contains(step.Status) || step.ClockPausedAt is not null) return null;
        return lights.OfStep(step, nowUtc) is { } reading ? Plan(reading, nowUtc, ChaseLevel.LeaderEscalation) : null;
    }

    public ChasePlan? ForGap(ToleratedGap gap, DateTime nowUtc) =>
        lights.OfGap(gap, nowUtc) is { } reading ? Plan(reading, nowUtc, ChaseLevel.Escalation) : null;

    public ChasePlan ForVerification(DateTime openedAtUtc, DateTime nowUtc) =>
        Plan(lights.OfVerification(openedAtUtc, nowUtc), nowUtc, ChaseLevel.LeaderEscalation);

    /// <summary>The moment the leader escalation of a deadline falls due.</summary>
    public DateTime LeaderEscalationFrom(DateTime deadlineUtc) =>
        calendar.AddWorkingDays(deadlineUtc, Math.Max(0, options.Value.LeaderEscalationWorkingDays));

    private ChasePlan Plan(LightReading reading, DateTime nowUtc, ChaseLevel highest)
    {
        var due = new List<ChaseLevel>();
        if (reading.Light is Light.Yellow or Light.Red) due.Add(ChaseLevel.Reminder);
        if (reading.Light is Light.Red && highest >= ChaseLevel.Escalation) due.Add(ChaseLevel.Escalation);
        if (reading.Light is Light.Red && highest >= ChaseLevel.LeaderEscalation && nowUtc > LeaderEscalationFrom(reading.DueAt))
            due.Add(ChaseLevel.LeaderEscalation);
        return new ChasePlan(reading.DueAt, reading.WorkingDaysLeft, due);
    }
}
