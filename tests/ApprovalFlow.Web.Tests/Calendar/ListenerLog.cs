using System.Collections.Concurrent;

namespace ApprovalFlow.Web.Tests.Calendar;

/// <summary>What <see cref="RecordingListener"/> saw: whether <see cref="Watch"/> was a working day when it was told.</summary>
public sealed class ListenerLog
{
    public DateOnly Watch { get; set; }

    public bool ThrowNext { get; set; }

    public ConcurrentQueue<bool> WatchWasWorkingDay { get; } = new();
}
