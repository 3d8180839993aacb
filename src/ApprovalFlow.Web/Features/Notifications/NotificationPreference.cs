using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>
/// A user's choice for one kind of message: in the app (站内消息) and by e-mail. No row means both on, so a new kind
/// reaches everyone until they switch it off.
/// </summary>
public sealed class NotificationPreference
{
    private NotificationPreference()
    {
    }

    public NotificationPreference(string userId, string kind, bool inApp, bool email)
    {
        UserId = userId;
        Kind = kind;
        InApp = inApp;
        Email = email;
    }

    public string UserId { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public bool InApp { get; private set; }
    public bool Email { get; private set; }

    public void Set(bool inApp, bool email)
    {
        InApp = inApp;
        Email = email;
    }
}

public sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> e)
    {
        e.ToTable("notification_preferences");
        e.HasKey(x => new { x.UserId, x.Kind });
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Kind).HasMaxLength(50);
    }
}
