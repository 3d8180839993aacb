using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Pledges;

public sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> e)
    {
        e.ToTable("pledges");
        e.HasKey(x => x.Id);
        e.Property(x => x.StepCode).HasMaxLength(50);
        e.Property(x => x.Text).HasMaxLength(8000);
        e.Property(x => x.SignedBy).HasMaxLength(256);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Property(x => x.BreachReason).HasMaxLength(2000);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasIndex(x => new { x.ProjectId, x.Status });
        e.HasIndex(x => new { x.EnterpriseId, x.Status });
    }
}

public sealed class PledgeVerificationConfiguration : IEntityTypeConfiguration<PledgeVerification>
{
    public void Configure(EntityTypeBuilder<PledgeVerification> e)
    {
        e.ToTable("pledge_verifications");
        e.HasKey(x => x.Id);
        e.Property(x => x.Note).HasMaxLength(2000);
        e.Property(x => x.VerifiedBy).HasMaxLength(256);
        e.HasIndex(x => x.PledgeId);
    }
}
