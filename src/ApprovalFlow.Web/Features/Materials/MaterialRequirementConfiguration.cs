using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Materials;

public sealed class MaterialRequirementConfiguration : IEntityTypeConfiguration<MaterialRequirement>
{
    public void Configure(EntityTypeBuilder<MaterialRequirement> e)
    {
        e.ToTable("material_requirements");
        e.HasKey(x => x.Id);
        e.Property(x => x.StepCode).HasMaxLength(50);
        e.Property(x => x.Code).HasMaxLength(50);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.HasIndex(x => new { x.StepCode, x.Code }).IsUnique();
    }
}
