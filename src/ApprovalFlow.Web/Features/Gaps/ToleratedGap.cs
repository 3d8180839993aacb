namespace ApprovalFlow.Web.Features.Gaps;

/// <summary>
/// A tolerated gap (容缺受理) on a step: the secondary materials accepted as missing, the pledge that covers them and the
/// supplement deadline of the one-time notice (容缺受理通知书).
/// </summary>
public sealed class ToleratedGap
{
    private ToleratedGap()
    {
    }

    public ToleratedGap(Guid stepId, Guid caseId, Guid projectId, Guid enterpriseId, Guid pledgeId, DateTime supplementDeadline,
        IEnumerable<(string Code, string Name)> materials, DateTime openedAt, string openedBy)
    {
        Id = Guid.NewGuid();
        StepId = stepId;
        CaseId = caseId;
        ProjectId = projectId;
        EnterpriseId = enterpriseId;
        PledgeId = pledgeId;
        SupplementDeadline = supplementDeadline;
        OpenedAt = openedAt;
        OpenedBy = openedBy;
        Status = GapStatus.Open;
        Materials = materials.Select(m => new GapMaterial(Id, m.Code, m.Name)).ToList();
    }

    public Guid Id { get; private set; }
    public Guid StepId { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid EnterpriseId { get; private set; }
    public Guid PledgeId { get; private set; }
    public DateTime SupplementDeadline { get; private set; }
    public GapStatus Status { get; private set; }
    public DateTime OpenedAt { get; private set; }
    public string OpenedBy { get; private set; } = "";
    public DateTime? SuppliedAt { get; private set; }
    public DateTime? OverdueAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    /// <summary>Optimistic concurrency: the sweep and a late supply must not both win.</summary>
    public int Revision { get; private set; }

    public List<GapMaterial> Materials { get; private set; } = [];

    public bool IsPending => Status is GapStatus.Open or GapStatus.Overdue;

    public void Touch() => Revision++;

    /// <summary>Returns true when this supply completed the gap.</summary>
    public bool Supply(string materialCode, DateTime at, string by, string? note, Guid? attachmentId)
    {
        Materials.Single(m => m.MaterialCode == materialCode).Supply(at, by, note, attachmentId);
        Touch();
        if (Materials.Any(m => m.SuppliedAt is null)) return false;
        Status = GapStatus.Supplied;
        SuppliedAt = at;
        ClosedAt = at;
        return true;
    }

    public void MarkOverdue(DateTime at)
    {
        Status = GapStatus.Overdue;
        OverdueAt = at;
        Touch();
    }

    public void Close(GapStatus status, DateTime at)
    {
        Status = status;
        ClosedAt = at;
        Touch();
    }
}
