using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Credit;

public sealed class CreditRecordConfiguration : IEntityTypeConfiguration<CreditRecord>
{
    public void Configure(EntityTypeBuilder<CreditRecord> e)
    {
        e.ToTable("credit_records");
        e.HasKey(x => x.Id);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.Property(x => x.RepairedBy).HasMaxLength(256);
        e.Property(x => x.RepairNote).HasMaxLength(2000);
        e.HasIndex(x => new { x.EnterpriseId, x.RepairedAt });
        // One record per lapse: a sweep or breach run twice must not write a second.
        e.HasIndex(x => x.GapId).IsUnique();
        e.HasIndex(x => x.PledgeId).IsUnique();
    }
}
