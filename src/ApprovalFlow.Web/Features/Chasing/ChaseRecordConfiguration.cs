using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Web.Features.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Chasing;

public sealed class ChaseRecordConfiguration : IEntityTypeConfiguration<ChaseRecord>
{
    public void Configure(EntityTypeBuilder<ChaseRecord> e)
    {
        e.ToTable("chase_records");
        e.HasKey(x => x.Id);
        e.Property(x => x.SubjectKind).HasMaxLength(20);
        e.HasIndex(x => new { x.SubjectKind, x.SubjectId, x.Level, x.DeadlineEpoch }).IsUnique();
        e.HasIndex(x => x.CaseId);
    }
}

/// <summary>
/// The chase sweep reads open steps by status and due date, so that it costs what is due rather than what is open;
/// declared here, beside the only reader that needs it (the other indexes of the step stay in its own configuration).
/// </summary>
public sealed class ChasedStepIndexConfiguration : IEntityTypeConfiguration<ApprovalStep>
{
    public void Configure(EntityTypeBuilder<ApprovalStep> e) => e.HasIndex(x => new { x.Status, x.DueAt });
}

/// <summary>The sweep reads open pledge verification tasks by element and age.</summary>
public sealed class ChasedTaskIndexConfiguration : IEntityTypeConfiguration<HumanTaskRecord>
{
    public void Configure(EntityTypeBuilder<HumanTaskRecord> e) => e.HasIndex(x => new { x.ElementId, x.Status, x.CreatedAt });
}
