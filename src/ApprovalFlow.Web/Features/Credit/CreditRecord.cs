namespace ApprovalFlow.Web.Features.Credit;

/// <summary>
/// A bad-credit record (失信记录) of an enterprise: a broken pledge or a tolerated gap never supplied. While it is
/// unrepaired the enterprise may use neither tolerated gaps nor pledges; an administrator repairs it (信用修复).
/// </summary>
public sealed class CreditRecord
{
    private CreditRecord()
    {
    }

    public CreditRecord(Guid enterpriseId, Guid? pledgeId, Guid? gapId, string reason, DateTime recordedAt, string recordedBy)
    {
        Id = Guid.NewGuid();
        EnterpriseId = enterpriseId;
        PledgeId = pledgeId;
        GapId = gapId;
        Reason = reason;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }
    public Guid EnterpriseId { get; private set; }
    public Guid? PledgeId { get; private set; }
    public Guid? GapId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime? RepairedAt { get; private set; }
    public string? RepairedBy { get; private set; }
    public string? RepairNote { get; private set; }

    public bool IsRepaired => RepairedAt is not null;

    public void Repair(DateTime at, string by, string note)
    {
        RepairedAt = at;
        RepairedBy = by;
        RepairNote = note;
    }
}
