using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Projects;

public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("project_projects");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code)
            .HasConversion(code => code.Value, value => ProjectCode.FromStored(value))
            .HasMaxLength(ProjectCode.Length)
            .IsRequired();
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Industry).HasMaxLength(100).IsRequired();
        builder.Property(p => p.TotalInvestment).HasPrecision(18, 4);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.List).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.PairedLeaderUserId).HasMaxLength(450);
        builder.Property(p => p.PairedLeaderName).HasMaxLength(256);
        builder.Property(p => p.RegisteredBy).HasMaxLength(256).IsRequired();
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.HasOne(p => p.Enterprise).WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.County).WithMany().HasForeignKey(p => p.CountyCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.CountyCode).HasMaxLength(12);
        builder.HasIndex(p => p.EnterpriseId);
        builder.HasIndex(p => p.PairedLeaderUserId);
        builder.HasMany<ProjectHistoryEntry>().WithOne().HasForeignKey(h => h.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}
