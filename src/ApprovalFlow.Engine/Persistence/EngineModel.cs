using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ApprovalFlow.Engine.Persistence;

/// <summary>
/// The engine's tables. The host's DbContext calls <see cref="Configure"/> from OnModelCreating,
/// so engine rows and the host's own rows commit in one transaction.
/// </summary>
public static class EngineModel
{
    public static void Configure(ModelBuilder model)
    {
        ConfigureTables(model);
        // Every engine time is UTC; SQLite keeps no kind, so say it on the way out.
        var utc = new ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        var utcNullable = new ValueConverter<DateTime?, DateTime?>(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
        foreach (var entity in model.Model.GetEntityTypes().Where(e => e.ClrType.Namespace == typeof(EngineModel).Namespace))
            foreach (var property in entity.GetProperties())
            {
                if (property.ClrType == typeof(DateTime)) property.SetValueConverter(utc);
                else if (property.ClrType == typeof(DateTime?)) property.SetValueConverter(utcNullable);
            }
    }

    private static void ConfigureTables(ModelBuilder model)
    {
        model.Entity<ProcessDefinitionRecord>(e =>
        {
            e.ToTable("engine_definitions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.Name).HasMaxLength(400);
            e.Property(x => x.DeployedBy).HasMaxLength(256);
            e.Property(x => x.MessageStartNames).HasMaxLength(1000);
            e.HasIndex(x => new { x.Key, x.Version }).IsUnique();
        });
        model.Entity<ProcessInstanceRecord>(e =>
        {
            e.ToTable("engine_instances");
            e.HasKey(x => x.Id);
            e.Property(x => x.DefinitionKey).HasMaxLength(200);
            e.Property(x => x.BusinessKey).HasMaxLength(200);
            e.Property(x => x.StartedBy).HasMaxLength(256);
            e.Property(x => x.EndReason).HasMaxLength(1000);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => x.BusinessKey);
            e.HasIndex(x => x.ParentInstanceId);
            e.HasIndex(x => new { x.Status, x.DefinitionKey });
        });
        model.Entity<HumanTaskRecord>(e =>
        {
            e.ToTable("engine_tasks");
            e.HasKey(x => x.Id);
            e.Property(x => x.ElementId).HasMaxLength(200);
            e.Property(x => x.Name).HasMaxLength(400);
            e.Property(x => x.CandidateGroups).HasMaxLength(1000);
            e.Property(x => x.Assignee).HasMaxLength(256);
            e.Property(x => x.CompletedBy).HasMaxLength(256);
            e.Property(x => x.Owner).HasMaxLength(256);
            e.Property(x => x.CandidateUsers).HasMaxLength(2000);
            e.HasIndex(x => new { x.InstanceId, x.Status });
            e.HasIndex(x => new { x.Status, x.Assignee });
            e.HasIndex(x => new { x.Status, x.DueAt });
            // Open tasks oldest first, as the task lists read them (a group's inbox stops after its first page).
            e.HasIndex(x => new { x.Status, x.CreatedAt });
        });
        model.Entity<TaskCommentRecord>(e =>
        {
            e.ToTable("engine_task_comments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Author).HasMaxLength(256);
            e.Property(x => x.Text).HasMaxLength(4000);
            e.HasIndex(x => new { x.TaskId, x.At });
            e.HasIndex(x => x.InstanceId);
        });
        model.Entity<TaskAttachmentRecord>(e =>
        {
            e.ToTable("engine_task_attachments");
            e.HasKey(x => x.Id);
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.ContentType).HasMaxLength(200);
            e.Property(x => x.UploadedBy).HasMaxLength(256);
            e.HasIndex(x => x.TaskId);
            e.HasIndex(x => x.InstanceId);
        });
        model.Entity<TimerRecord>(e =>
        {
            e.ToTable("engine_timers");
            e.HasKey(x => x.Id);
            e.Property(x => x.ElementId).HasMaxLength(200);
            e.HasIndex(x => new { x.Status, x.DueAt });
            e.HasIndex(x => x.InstanceId);
        });
        model.Entity<IncidentRecord>(e =>
        {
            e.ToTable("engine_incidents");
            e.HasKey(x => x.Id);
            e.Property(x => x.ElementId).HasMaxLength(200);
            e.Property(x => x.Message).HasMaxLength(2000);
            e.Property(x => x.Details).HasMaxLength(8000);
            e.Property(x => x.ResolvedBy).HasMaxLength(256);
            e.Property(x => x.Resolution).HasMaxLength(1000);
            e.HasIndex(x => new { x.Status, x.CreatedAt });
            e.HasIndex(x => x.InstanceId);
        });
        model.Entity<MessageSubscriptionRecord>(e =>
        {
            e.ToTable("engine_message_subscriptions");
            e.HasKey(x => x.Id);
            e.Property(x => x.ElementId).HasMaxLength(200);
            e.Property(x => x.MessageName).HasMaxLength(200);
            e.Property(x => x.BusinessKey).HasMaxLength(200);
            e.HasIndex(x => new { x.MessageName, x.BusinessKey });
            e.HasIndex(x => x.InstanceId);
        });
        model.Entity<ElementInstanceRecord>(e =>
        {
            e.ToTable("engine_element_instances");
            e.HasKey(x => x.Id);
            e.Property(x => x.ElementId).HasMaxLength(200);
            e.Property(x => x.ElementType).HasMaxLength(100);
            e.Property(x => x.Outcome).HasMaxLength(50);
            e.Property(x => x.Actor).HasMaxLength(256);
            e.HasIndex(x => new { x.InstanceId, x.StartedAt });
            e.HasIndex(x => new { x.ElementId, x.EndedAt });
        });
        model.Entity<HistoryRecord>(e =>
        {
            e.ToTable("engine_history");
            e.HasKey(x => x.Id);
            e.Property(x => x.ElementId).HasMaxLength(200);
            e.Property(x => x.ElementType).HasMaxLength(100);
            e.Property(x => x.Event).HasMaxLength(50);
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.Detail).HasMaxLength(2000);
            e.HasIndex(x => new { x.InstanceId, x.Id });
        });
    }
}
