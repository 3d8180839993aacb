namespace ApprovalFlow.Engine;

/// <summary>
/// Asks a job runner to fire a stored timer at its due time. Called after the transition that
/// created the timer has committed; the recurring sweep covers anything a scheduler misses.
/// </summary>
public interface ITimerScheduler
{
    void Schedule(Guid timerId, DateTime dueAtUtc);
}

internal sealed class NoTimerScheduler : ITimerScheduler
{
    public void Schedule(Guid timerId, DateTime dueAtUtc) { }
}
