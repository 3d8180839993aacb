using ApprovalFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Audit;

/// <summary>
/// Appends to the chain inside the caller's transaction. Reading the last entry and writing the next happen
/// under a lock that lasts until that transaction ends, so two commands can never take the same sequence or
/// chain onto the same predecessor (a fork).
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock) : IAuditLog
{
    /// <summary>The PostgreSQL advisory lock key of the chain ("AFAUDIT" in ASCII); any other use of it would block appends.</summary>
    public const long PostgresLockKey = 0x41_46_41_55_44_49_54;

    private static readonly string PostgresLock = $"SELECT pg_advisory_xact_lock({PostgresLockKey})";

    private const string SqlServerLock =
        """
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = N'approvalflow.audit_log', @LockMode = N'Exclusive',
            @LockOwner = N'Transaction', @LockTimeout = 30000;
        IF @result < 0 THROW 51000, N'The audit log could not be locked for an append.', 1;
        """;

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException(
                "The audit log is appended inside a transaction: the lock that keeps the chain linear lasts until it ends.");
        }

        await LockChainAsync(ct);
        var last = await db.Set<AuditEntry>()
            .AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(ct);

        var entry = AuditEntry.Chain(
            (last?.Sequence ?? 0) + 1, clock.GetUtcNow().UtcDateTime, record, last?.Hash ?? AuditHash.Genesis);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    private async Task LockChainAsync(CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            // Read committed takes a fresh snapshot per statement, so the read below sees the holder's commit.
            await db.Database.ExecuteSqlRawAsync(PostgresLock, ct);
        }
        else if (db.Database.IsSqlServer())
        {
            // Not run on these machines (no SQL Server here); see docs/audit.md.
            await db.Database.ExecuteSqlRawAsync(SqlServerLock, ct);
        }
        // SQLite: the command's transaction began with BEGIN IMMEDIATE and already holds the database's write lock.
    }
}
