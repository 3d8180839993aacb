using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Reports;

/// <summary>
/// A generated supervision report (督导报告) of a ten-day period, month or quarter: its figures, rankings and stalled
/// steps, kept as the CSV and the workbook that were generated, so what was reported can be downloaded unchanged later.
/// </summary>
public sealed class Report
{
    public required Guid Id { get; init; }

    public required ReportKind Kind { get; init; }

    public required DateOnly PeriodFirst { get; init; }

    public required DateOnly PeriodLast { get; init; }

    public required DateTime GeneratedAt { get; init; }

    /// <summary>The user who asked for it, or the recurring job.</summary>
    public required string GeneratedBy { get; init; }

    public required byte[] Csv { get; init; }

    public required byte[] Xlsx { get; init; }
}

public sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> e)
    {
        e.ToTable("reports");
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.GeneratedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.Kind, x.PeriodFirst });
        e.HasIndex(x => x.GeneratedAt);
    }
}
