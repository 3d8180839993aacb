using System.Collections.Concurrent;

namespace ApprovalFlow.Engine.Tests.Infrastructure;

/// <summary>Remembers what the engine asked to schedule, as Hangfire would receive it.</summary>
public sealed class RecordingTimerScheduler : ITimerScheduler
{
    public ConcurrentQueue<(Guid TimerId, DateTime DueAt)> Scheduled { get; } = new();

    public void Schedule(Guid timerId, DateTime dueAtUtc) => Scheduled.Enqueue((timerId, dueAtUtc));
}
