using ApprovalFlow.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.ProjectLists;

/// <summary>
/// A project's monthly investment report (月度投资完成情况): the amount completed in that month, in 10,000 yuan (万元).
/// One per project and month, never changed afterwards, with who reported it and when, so every figure is traceable.
/// </summary>
public sealed class InvestmentReport
{
    public required Guid Id { get; init; }

    public required Guid ProjectId { get; init; }

    public required int Year { get; init; }

    public required int Month { get; init; }

    /// <summary>Investment completed in the month, 万元.</summary>
    public required decimal AmountCompleted { get; init; }

    public required string ReportedBy { get; init; }

    public required DateTime ReportedAt { get; init; }

    public string? Note { get; init; }
}

public sealed class InvestmentReportConfiguration : IEntityTypeConfiguration<InvestmentReport>
{
    public void Configure(EntityTypeBuilder<InvestmentReport> e)
    {
        e.ToTable("project_investment_reports");
        e.HasKey(x => x.Id);
        e.Property(x => x.AmountCompleted).HasPrecision(18, 4);
        e.Property(x => x.ReportedBy).HasMaxLength(256);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.HasIndex(x => new { x.ProjectId, x.Year, x.Month }).IsUnique();
        e.HasIndex(x => new { x.Year, x.Month });
        e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}
