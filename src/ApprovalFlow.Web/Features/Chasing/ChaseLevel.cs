namespace ApprovalFlow.Web.Features.Chasing;

/// <summary>The rungs of the chase ladder (催办/督办阶梯); each fires once per subject and deadline.</summary>
public enum ChaseLevel
{
    /// <summary>Yellow: remind (提醒) whoever must act: the assignee or the candidate department's officers; for a gap, the enterprise.</summary>
    Reminder = 1,
    /// <summary>Red: escalate (催办) to the department head; for a gap, tell the enterprise it is overdue.</summary>
    Escalation = 2,
    /// <summary>Red for <c>Chasing:LeaderEscalationWorkingDays</c> more working days: the paired leader and the supervisors (督办).</summary>
    LeaderEscalation = 3,
}
