using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Notifications;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable("notifications");
        e.HasKey(x => x.Id);
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Kind).HasMaxLength(50);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.TitleEn).HasMaxLength(200);
        e.Property(x => x.Body).HasMaxLength(2000);
        e.Property(x => x.BodyEn).HasMaxLength(2000);
        e.Property(x => x.Link).HasMaxLength(400);
        e.HasIndex(x => new { x.UserId, x.ReadAt, x.CreatedAt });
        e.HasIndex(x => new { x.UserId, x.CreatedAt });
    }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("outbox_messages");
        e.HasKey(x => x.Id);
        e.Property(x => x.Channel).HasMaxLength(20);
        e.Property(x => x.Recipient).HasMaxLength(256);
        e.Property(x => x.Subject).HasMaxLength(400);
        e.Property(x => x.Body).HasMaxLength(4000);
        e.Property(x => x.LastError).HasMaxLength(2000);
        e.HasIndex(x => new { x.Status, x.NextAttemptAt });
    }
}
