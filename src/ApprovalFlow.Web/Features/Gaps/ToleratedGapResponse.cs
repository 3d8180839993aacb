namespace ApprovalFlow.Web.Features.Gaps;

public sealed record GapMaterialResponse(string Code, string Name, bool Supplied, DateTime? SuppliedAt, string? SuppliedBy, string? Note, Guid? AttachmentId);

/// <summary>A tolerated gap; status is open, supplied, overdue, returned or revoked.</summary>
public sealed record ToleratedGapResponse(
    Guid Id, Guid StepId, Guid CaseId, Guid ProjectId, Guid EnterpriseId, Guid PledgeId, DateTime SupplementDeadline, string Status,
    DateTime OpenedAt, string OpenedBy, DateTime? SuppliedAt, DateTime? OverdueAt, DateTime? ClosedAt, GapMaterialResponse[] Materials,
    string? Light = null, int? WorkingDaysLeft = null)
{
    /// <summary>The response with the gap's light while its materials are missing (<see cref="Lights.SubjectLights.OfGap"/>).</summary>
    public static ToleratedGapResponse From(ToleratedGap g, Lights.SubjectLights lights, DateTime nowUtc) =>
        lights.OfGap(g, nowUtc) is { } reading
            ? From(g) with { Light = Lights.Lights.Term(reading.Light), WorkingDaysLeft = reading.WorkingDaysLeft }
            : From(g);

    public static ToleratedGapResponse From(ToleratedGap g) => new(
        g.Id, g.StepId, g.CaseId, g.ProjectId, g.EnterpriseId, g.PledgeId, g.SupplementDeadline.AsUtc(), g.Status.ToString().ToLowerInvariant(),
        g.OpenedAt.AsUtc(), g.OpenedBy, g.SuppliedAt.AsUtc(), g.OverdueAt.AsUtc(), g.ClosedAt.AsUtc(),
        g.Materials.OrderBy(m => m.MaterialCode, StringComparer.Ordinal)
            .Select(m => new GapMaterialResponse(m.MaterialCode, m.Name, m.SuppliedAt is not null, m.SuppliedAt.AsUtc(), m.SuppliedBy, m.Note, m.AttachmentId))
            .ToArray());
}
