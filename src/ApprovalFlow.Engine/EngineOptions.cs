namespace ApprovalFlow.Engine;

public sealed class EngineOptions
{
    /// <summary>How often a transition that lost an optimistic-concurrency race to another transition is re-run.</summary>
    public int MaxConflictRetries { get; set; } = 60;

    /// <summary>Guards against a model that loops without ever reaching a wait state.</summary>
    public int MaxStepsPerTransition { get; set; } = 10_000;

    /// <summary>How many due timers one sweep fires at most.</summary>
    public int SweepBatchSize { get; set; } = 500;

    /// <summary>
    /// Waits before each retry of a failed service task; its length is the number of retries. After the
    /// last one fails, the case gets an incident.
    /// </summary>
    public TimeSpan[] ServiceTaskRetryDelays { get; set; } = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];

    /// <summary>How long the history of an ended case is kept; null keeps it for ever. The host runs the purge job.</summary>
    public TimeSpan? HistoryRetention { get; set; }

    /// <summary>The largest file accepted as a task attachment.</summary>
    public long MaxAttachmentBytes { get; set; } = 20 * 1024 * 1024;
}
