using ApprovalFlow.Web.Features.Timers;

namespace ApprovalFlow.Web.Tests.Jobs;

/// <summary>Hangfire keeps a scheduled job's time in whole seconds, truncated: a timer's job is scheduled on the next whole second.</summary>
public sealed class HangfireTimerSchedulerTests
{
    [Theory]
    [InlineData("2026-03-02T10:00:03.0000000+00:00", "2026-03-02T10:00:03.0000000+00:00")]
    [InlineData("2026-03-02T10:00:03.0000001+00:00", "2026-03-02T10:00:04.0000000+00:00")]
    [InlineData("2026-03-02T10:00:03.7000000+00:00", "2026-03-02T10:00:04.0000000+00:00")]
    [InlineData("2026-03-02T23:59:59.9990000+00:00", "2026-03-03T00:00:00.0000000+00:00")]
    public void A_timer_job_is_never_scheduled_before_the_timer_is_due(string due, string scheduled)
    {
        var at = HangfireTimerScheduler.RoundUpToSecond(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture));

        at.ShouldBe(DateTimeOffset.Parse(scheduled, System.Globalization.CultureInfo.InvariantCulture));
        at.ShouldBeGreaterThanOrEqualTo(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture));
    }
}
