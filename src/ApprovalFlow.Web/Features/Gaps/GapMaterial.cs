namespace ApprovalFlow.Web.Features.Gaps;

/// <summary>One missing material of a gap, with a copy of its catalogue name so a later catalogue edit does not change the notice.</summary>
public sealed class GapMaterial
{
    private GapMaterial()
    {
    }

    public GapMaterial(Guid gapId, string materialCode, string name)
    {
        GapId = gapId;
        MaterialCode = materialCode;
        Name = name;
    }

    public long Id { get; private set; }
    public Guid GapId { get; private set; }
    public string MaterialCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public DateTime? SuppliedAt { get; private set; }
    public string? SuppliedBy { get; private set; }
    public string? Note { get; private set; }
    public Guid? AttachmentId { get; private set; }

    public void Supply(DateTime at, string by, string? note, Guid? attachmentId)
    {
        SuppliedAt = at;
        SuppliedBy = by;
        Note = note;
        AttachmentId = attachmentId;
    }
}
