using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Counties;

public sealed class CountyConfiguration : IEntityTypeConfiguration<County>
{
    public void Configure(EntityTypeBuilder<County> builder)
    {
        builder.ToTable("county_counties");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(12);
        builder.Property(c => c.Name).HasMaxLength(50).IsRequired();
        builder.Property(c => c.InvestmentGrowthTarget2020).HasPrecision(5, 2);
        builder.HasIndex(c => c.Name).IsUnique();
        // Seeded by the migrations themselves: every database has the same rows, and seeding again changes nothing.
        builder.HasData(HengshuiCounties.All);
    }
}
