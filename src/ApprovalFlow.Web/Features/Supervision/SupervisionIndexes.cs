using ApprovalFlow.Web.Features.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>
/// The indexes the supervision queries need on the approval tables, kept beside the queries that use them (EF Core
/// applies this together with the approvals' own mapping): stalled steps seek open statuses by due date and by last
/// action; figures seek decisions by date; per-county figures join cases by county.
/// </summary>
public sealed class SupervisionStepIndexes : IEntityTypeConfiguration<ApprovalStep>
{
    public void Configure(EntityTypeBuilder<ApprovalStep> e)
    {
        e.HasIndex(x => new { x.Status, x.DueAt });
        e.HasIndex(x => new { x.Status, x.LastActionAt });
        e.HasIndex(x => x.DecidedAt);
    }
}

public sealed class SupervisionCaseIndexes : IEntityTypeConfiguration<ApprovalCase>
{
    public void Configure(EntityTypeBuilder<ApprovalCase> e)
    {
        e.HasIndex(x => new { x.CountyCode, x.Status });
    }
}
