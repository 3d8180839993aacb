using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Approvals;

public sealed class ApprovalCaseConfiguration : IEntityTypeConfiguration<ApprovalCase>
{
    public void Configure(EntityTypeBuilder<ApprovalCase> e)
    {
        e.ToTable("approval_cases");
        e.HasKey(x => x.Id);
        e.Property(x => x.CountyCode).HasMaxLength(20);
        e.Property(x => x.DefinitionKey).HasMaxLength(200);
        e.Property(x => x.StartedBy).HasMaxLength(256);
        e.HasIndex(x => x.InstanceId).IsUnique();
        e.HasIndex(x => x.ProjectId);
        // One running case per project, enforced by the database too: two starts at the same moment cannot both win.
        e.HasIndex(x => x.ProjectId, "IX_approval_cases_one_running_per_project").IsUnique()
            .HasFilter($"\"Status\" = {(int)ApprovalCaseStatus.Running}");
        e.HasIndex(x => new { x.EnterpriseId, x.Status });
        e.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.CaseId);
    }
}

public sealed class ApprovalStepConfiguration : IEntityTypeConfiguration<ApprovalStep>
{
    public void Configure(EntityTypeBuilder<ApprovalStep> e)
    {
        e.ToTable("approval_steps");
        e.HasKey(x => x.Id);
        e.Property(x => x.CountyCode).HasMaxLength(20);
        e.Property(x => x.StepCode).HasMaxLength(50);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Department).HasMaxLength(100);
        e.HasIndex(x => new { x.CaseId, x.StepCode }).IsUnique();
        // Two commands changing one step at the same moment: the second is refused (409), never silently overwrites.
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasIndex(x => new { x.Department, x.Status, x.DueAt });
        e.HasMany(x => x.Changes).WithOne().HasForeignKey(c => c.StepId);
        e.HasMany(x => x.Pauses).WithOne().HasForeignKey(p => p.StepId);
    }
}

public sealed class StepStatusChangeConfiguration : IEntityTypeConfiguration<StepStatusChange>
{
    public void Configure(EntityTypeBuilder<StepStatusChange> e)
    {
        e.ToTable("approval_step_changes");
        e.HasKey(x => x.Id);
        e.Property(x => x.Actor).HasMaxLength(256);
        e.Property(x => x.Note).HasMaxLength(2000);
        e.HasIndex(x => new { x.StepId, x.At });
    }
}

public sealed class StepClockPauseConfiguration : IEntityTypeConfiguration<StepClockPause>
{
    public void Configure(EntityTypeBuilder<StepClockPause> e)
    {
        e.ToTable("approval_step_pauses");
        e.HasKey(x => x.Id);
        e.Property(x => x.Actor).HasMaxLength(256);
        e.Property(x => x.Reason).HasMaxLength(1000);
    }
}
