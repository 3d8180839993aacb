namespace ApprovalFlow.Web.Features.Credit;

public sealed record CreditRecordResponse(
    Guid Id, Guid EnterpriseId, Guid? PledgeId, Guid? GapId, string Reason, DateTime RecordedAt, string RecordedBy,
    bool Repaired, DateTime? RepairedAt, string? RepairedBy, string? RepairNote)
{
    public static CreditRecordResponse From(CreditRecord r) => new(
        r.Id, r.EnterpriseId, r.PledgeId, r.GapId, r.Reason, r.RecordedAt.AsUtc(), r.RecordedBy,
        r.IsRepaired, r.RepairedAt.AsUtc(), r.RepairedBy, r.RepairNote);
}
