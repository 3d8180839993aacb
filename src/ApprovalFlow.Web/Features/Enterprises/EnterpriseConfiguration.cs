using ApprovalFlow.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Enterprises;

public sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> builder)
    {
        builder.ToTable("enterprise_enterprises");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Name).HasMaxLength(200).IsRequired();
        builder.Property(e => e.CreditCode).HasMaxLength(UnifiedSocialCreditCode.Length).IsRequired();
        builder.Property(e => e.ContactName).HasMaxLength(50).IsRequired();
        builder.Property(e => e.ContactPhone).HasMaxLength(30).IsRequired();
        builder.Property(e => e.RegisteredBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(e => e.CreditCode).IsUnique();
        // A user of role Enterprise acts for one enterprise; an enterprise with users cannot silently disappear.
        builder.HasMany<AppUser>().WithOne().HasForeignKey(u => u.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
    }
}
