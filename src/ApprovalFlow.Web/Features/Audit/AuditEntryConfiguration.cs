using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const string Table = "audit_log";

    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable(Table);
        // The sequence is the key: unique by construction, and assigned by the log under its lock, never by the database.
        e.HasKey(x => x.Sequence);
        e.Property(x => x.Sequence).ValueGeneratedNever();
        // SQLite hands times back without a kind; what was written was UTC.
        e.Property(x => x.At).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        e.Property(x => x.Actor).HasMaxLength(256);
        e.Property(x => x.ActorRoles).HasMaxLength(500);
        e.Property(x => x.Action).HasMaxLength(200);
        e.Property(x => x.SubjectType).HasMaxLength(100);
        e.Property(x => x.SubjectId).HasMaxLength(200);
        // Plain text, not jsonb: the stored characters are what was hashed, so nothing may re-format them.
        e.Property(x => x.Data);
        e.Property(x => x.Outcome)
            .HasConversion(o => AuditOutcomes.Name(o), s => AuditOutcomes.Parse(s))
            .HasMaxLength(20);
        e.Property(x => x.OutcomeMessage).HasMaxLength(AuditOutcomes.MessageLength);
        e.Property(x => x.PreviousHash).HasMaxLength(64).IsFixedLength();
        e.Property(x => x.Hash).HasMaxLength(64).IsFixedLength();
        e.HasIndex(x => new { x.SubjectType, x.SubjectId, x.Sequence });
    }
}
