using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Calendar;

public sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> e)
    {
        e.ToTable("calendar_days");
        e.HasKey(x => x.Date);
        e.Property(x => x.Date).ValueGeneratedNever();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Name).HasMaxLength(CalendarLimits.NameLength);
        e.Property(x => x.Source).HasMaxLength(CalendarLimits.SourceLength);
        e.Property(x => x.ChangedBy).HasMaxLength(256);
        // SQLite keeps no kind; the API must still say "Z".
        e.Property(x => x.ChangedAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
    }
}
