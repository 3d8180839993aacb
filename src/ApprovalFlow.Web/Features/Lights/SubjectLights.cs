using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Gaps;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Lights;

/// <summary>The lights of what can be late: an open step, a pending tolerated gap, an open pledge verification.</summary>
public sealed class SubjectLights(LightRule rule, ApprovalFlow.Web.Features.Calendar.WorkingDayCalendar calendar, IOptions<LightOptions> options)
{
    /// <summary>An open step with a running or paused clock; null for a closed step or one whose clock has not started.</summary>
    public LightReading? OfStep(ApprovalStep step, DateTime nowUtc)
    {
        if (!step.IsOpen || step.DueAt is not { } due) return null;
        var limit = step.TimeLimitDays ?? (step.AcceptedAt is { } accepted ? Math.Max(1, calendar.WorkingDaysBetween(accepted, due)) : 1);
        return rule.Read(due, limit, nowUtc, step.ClockPausedAt);
    }

    /// <summary>A gap while its materials are missing (open or overdue), against its supplement deadline.</summary>
    public LightReading? OfGap(ToleratedGap gap, DateTime nowUtc) =>
        gap.IsPending ? rule.Read(gap.OpenedAt, gap.SupplementDeadline, nowUtc) : null;

    /// <summary>The deadline of a pledge verification task opened at <paramref name="openedAtUtc"/> (see <see cref="LightOptions.PledgeVerificationWorkingDays"/>).</summary>
    public DateTime VerificationDeadline(DateTime openedAtUtc) =>
        calendar.AddWorkingDays(openedAtUtc, Math.Max(1, options.Value.PledgeVerificationWorkingDays));

    public LightReading OfVerification(DateTime openedAtUtc, DateTime nowUtc) =>
        rule.Read(VerificationDeadline(openedAtUtc), Math.Max(1, options.Value.PledgeVerificationWorkingDays), nowUtc);
}
