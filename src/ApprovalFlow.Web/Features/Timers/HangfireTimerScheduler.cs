using ApprovalFlow.Engine;
using Hangfire;

namespace ApprovalFlow.Web.Features.Timers;

/// <summary>
/// Schedules one Hangfire job per timer, at the timer's due time rounded up to the next whole second: Hangfire keeps a
/// scheduled job's time in whole seconds (truncated), so a job scheduled at the exact due time ran up to a second early,
/// found the timer not yet due and left it to the minutely <see cref="TimerSweepJob"/> (timers fired up to a minute late).
/// </summary>
public sealed class HangfireTimerScheduler(IBackgroundJobClient jobs) : ITimerScheduler
{
    public void Schedule(Guid timerId, DateTime dueAtUtc)
    {
        var dueAt = new DateTimeOffset(DateTime.SpecifyKind(dueAtUtc, DateTimeKind.Utc));
        jobs.Schedule<FireTimerJob>(job => job.FireAsync(timerId, CancellationToken.None), RoundUpToSecond(dueAt));
    }

    public static DateTimeOffset RoundUpToSecond(DateTimeOffset at)
    {
        var remainder = at.Ticks % TimeSpan.TicksPerSecond;
        return remainder == 0 ? at : at.AddTicks(TimeSpan.TicksPerSecond - remainder);
    }
}
