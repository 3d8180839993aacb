namespace ApprovalFlow.Engine.Persistence;

/// <summary>A stored timer: the due time lives in the database so it survives restarts.</summary>
public sealed class TimerRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    /// <summary>The token waiting at the intermediate event, or the activity token the boundary event is attached to.</summary>
    public Guid TokenId { get; set; }
    public required string ElementId { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>For a working-day timer: how many working days from <see cref="CreatedAt"/>, so a calendar change can recompute it.</summary>
    public int? WorkingDays { get; set; }
    public TimerPurpose Purpose { get; set; }
    /// <summary>For a service task retry: which attempt this timer starts (2 = first retry). For a timer cycle: which repetition it is (1 = first).</summary>
    public int Attempt { get; set; }
    public TimerStatus Status { get; set; }
    public DateTime? FiredAt { get; set; }
}
