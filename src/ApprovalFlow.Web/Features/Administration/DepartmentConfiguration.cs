using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Administration;

public sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("departments");
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(Departments.CodeLength);
        builder.Property(d => d.Name).HasMaxLength(Departments.NameLength).IsRequired();
        builder.Property(d => d.NameEn).HasMaxLength(Departments.NameLength).IsRequired();
        builder.Property(d => d.IsActive).IsRequired();
    }
}
