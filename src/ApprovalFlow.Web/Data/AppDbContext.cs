using ApprovalFlow.Engine.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Data;

/// <summary>
/// The one context of the app: identity, engine and domain tables, so that an engine transition
/// and the domain rows it implies commit together. Each provider has a subclass that owns its migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The data-protection key ring, shared by every server (Hardening/KeyRing.cs).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.Department).HasMaxLength(100);
            e.Property(u => u.County).HasMaxLength(100);
        });
        EngineModel.Configure(builder);
        // Each feature keeps the mapping of its own entities beside them (IEntityTypeConfiguration classes).
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
