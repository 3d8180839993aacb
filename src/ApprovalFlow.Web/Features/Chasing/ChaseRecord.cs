namespace ApprovalFlow.Web.Features.Chasing;

/// <summary>
/// One rung of the ladder fired for one subject and deadline. The unique index on (subject kind, subject id, level,
/// deadline) is what makes a chase happen once, also when several servers sweep at the same moment: a step whose
/// deadline was recomputed may be chased again for the new deadline, never twice for the same.
/// </summary>
public sealed class ChaseRecord
{
    private ChaseRecord()
    {
    }

    public ChaseRecord(string subjectKind, Guid subjectId, ChaseLevel level, DateTime deadline, Guid? caseId, DateTime chasedAt, int recipients)
    {
        Id = Guid.NewGuid();
        SubjectKind = subjectKind;
        SubjectId = subjectId;
        Level = level;
        Deadline = deadline;
        DeadlineEpoch = EpochOf(deadline);
        CaseId = caseId;
        ChasedAt = chasedAt;
        Recipients = recipients;
    }

    public Guid Id { get; private set; }
    public string SubjectKind { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    public ChaseLevel Level { get; private set; }
    public DateTime Deadline { get; private set; }
    /// <summary>The deadline in whole Unix seconds: compared exactly on every provider, unlike a stored DateTime.</summary>
    public long DeadlineEpoch { get; private set; }
    public Guid? CaseId { get; private set; }
    public DateTime ChasedAt { get; private set; }
    /// <summary>How many users were notified (0 when nobody holds the role; the chase still counts as done).</summary>
    public int Recipients { get; private set; }

    public static long EpochOf(DateTime deadlineUtc) =>
        new DateTimeOffset(DateTime.SpecifyKind(deadlineUtc, DateTimeKind.Utc)).ToUnixTimeSeconds();
}
