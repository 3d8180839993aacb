using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Projects;

public sealed class ProjectHistoryEntryConfiguration : IEntityTypeConfiguration<ProjectHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ProjectHistoryEntry> builder)
    {
        builder.ToTable("project_history");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.By).HasMaxLength(256).IsRequired();
        builder.Property(h => h.Change).HasMaxLength(50).IsRequired();
        builder.Property(h => h.From).HasMaxLength(256);
        builder.Property(h => h.To).HasMaxLength(256);
        builder.Property(h => h.Reason).HasMaxLength(1000);
        builder.HasIndex(h => new { h.ProjectId, h.At });
    }
}
