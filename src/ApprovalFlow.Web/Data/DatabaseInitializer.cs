using ApprovalFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Data;

public static class DatabaseInitializer
{
    /// <summary>Brings the schema up to date and seeds roles (and demo accounts where allowed) before the app serves.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
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
}
