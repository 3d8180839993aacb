using System.Data.Common;
using ApprovalFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ApprovalFlow.Web.Data;

public static class DatabaseInitializer
{
    /// <summary>
    /// Brings the schema up to date and seeds roles (and demo accounts where allowed) before the app serves. Several servers
    /// started at once on one database take turns (<see cref="StartupLock"/>): the lock is taken here and kept until the
    /// host has started, so the migration, Hangfire's schema and the start-up seeders (hosted services) of one server are
    /// done before the next server begins its own, which then finds them done.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await EnsureDatabaseExistsAsync(services, ct);
        var startupLock = services.GetRequiredService<StartupLock>();
        await startupLock.AcquireAsync(ct);
        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

                if (db.Database.IsSqlite())
                {
                    // WAL lets readers go on while a request or a job writes; the mode is stored in the file.
                    await db.Database.OpenConnectionAsync(ct);
                    try
                    {
                        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                    }
                    finally
                    {
                        await db.Database.CloseConnectionAsync();
                    }
                }

                await db.Database.MigrateAsync(ct);
                await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync(ct);
            }

            // The lock ends once the host has started: Hangfire installs or upgrades its schema when its storage is first
            // built (MapAppHangfire, before the host starts), and the seeders are hosted services the host starts.
            var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
            lifetime.ApplicationStarted.Register(startupLock.Release);
            lifetime.ApplicationStopping.Register(startupLock.Release);
        }
        catch
        {
            startupLock.Release();
            throw;
        }
    }

    /// <summary>
    /// The lock lives in the database, so an empty server gets its (empty) database first, as the migration would create it:
    /// when two servers create it at once, the one that lost finds it there and goes on.
    /// </summary>
    private static async Task EnsureDatabaseExistsAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite()) return;
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct)) return;
        try
        {
            await creator.CreateAsync(ct);
        }
        catch (DbException)
        {
            // Another server created it meanwhile; anything else shows again when the lock connects.
            if (!await creator.ExistsAsync(ct)) throw;
        }
    }
}
