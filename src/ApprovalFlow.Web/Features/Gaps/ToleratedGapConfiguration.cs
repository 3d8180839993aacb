using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Gaps;

public sealed class ToleratedGapConfiguration : IEntityTypeConfiguration<ToleratedGap>
{
    public void Configure(EntityTypeBuilder<ToleratedGap> e)
    {
        e.ToTable("gap_tolerated_gaps");
        e.HasKey(x => x.Id);
        e.Property(x => x.OpenedBy).HasMaxLength(256);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasIndex(x => new { x.Status, x.SupplementDeadline });
        e.HasIndex(x => x.StepId);
        e.HasIndex(x => x.PledgeId).IsUnique();
        e.HasIndex(x => x.EnterpriseId);
        e.HasMany(x => x.Materials).WithOne().HasForeignKey(m => m.GapId);
    }
}

public sealed class GapMaterialConfiguration : IEntityTypeConfiguration<GapMaterial>
{
    public void Configure(EntityTypeBuilder<GapMaterial> e)
    {
        e.ToTable("gap_materials");
        e.HasKey(x => x.Id);
        e.Property(x => x.MaterialCode).HasMaxLength(50);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.SuppliedBy).HasMaxLength(256);
        e.Property(x => x.Note).HasMaxLength(2000);
        e.HasIndex(x => new { x.GapId, x.MaterialCode }).IsUnique();
    }
}
