using ApprovalFlow.Engine;
using Hangfire;

namespace ApprovalFlow.Web.Features.Timers;

public sealed class HangfireTimerScheduler(IBackgroundJobClient jobs) : ITimerScheduler
{
    public void Schedule(Guid timerId, DateTime dueAtUtc)
    {
        var dueAt = new DateTimeOffset(DateTime.SpecifyKind(dueAtUtc, DateTimeKind.Utc));
        jobs.Schedule<FireTimerJob>(job => job.FireAsync(timerId, CancellationToken.None), dueAt);
    }
}
