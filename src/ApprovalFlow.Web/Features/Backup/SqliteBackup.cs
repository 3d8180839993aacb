using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Backup;

/// <summary>What a backup file holds: its size, the rows that matter most and whether its audit chain verifies.</summary>
public sealed record BackupSummary(string File, long Bytes, long Cases, long Instances, long Tasks, long Attachments, long AuditEntries,
    AuditVerification Audit)
{
    public override string ToString() =>
        $"{File}: {Bytes:N0} bytes; {Cases} approval case(s), {Instances} engine instance(s), {Tasks} task(s), " +
        $"{Attachments} attachment(s), {AuditEntries} audit entr{(AuditEntries == 1 ? "y" : "ies")}; integrity ok; {Audit}";
}

/// <summary>
/// A copy of the embedded SQLite database taken while the app runs, with SQLite's online backup API: the pages of
/// one consistent read (WAL lets the app go on writing meanwhile) are copied into a new file, which is then checked
/// (<c>PRAGMA integrity_check</c>, the audit chain) before it gets its final name. Attachments are rows of the
/// database (<c>engine_task_attachments</c>), so they are in the copy; Hangfire's <c>hangfire.db</c> is not needed
/// (the timers are rows of the database too, and the timer sweep schedules them again).
/// </summary>
public static class SqliteBackup
{
    public static async Task<BackupSummary> BackupAsync(string sourceConnectionString, string targetFile, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(targetFile);
        if (File.Exists(target)) throw new IOException($"{target} exists; a backup never overwrites a file.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            await using (var source = new SqliteConnection(sourceConnectionString))
            await using (var copy = new SqliteConnection(Plain(partial)))
            {
                await source.OpenAsync(ct);
                await copy.OpenAsync(ct);
                source.BackupDatabase(copy);
                // The copy stands alone: no write-ahead log beside it (the app switches WAL on again when it opens it).
                await using var journal = copy.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode=DELETE;";
                await journal.ExecuteScalarAsync(ct);
            }
            var summary = await InspectAsync(partial, ct);
            File.Move(partial, target);
            return summary with { File = target };
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(partial);
        }
    }

    /// <summary>Checks a database file (a backup, or one about to be restored): integrity, the main row counts, the audit chain.</summary>
    public static async Task<BackupSummary> InspectAsync(string file, CancellationToken ct = default)
    {
        if (!File.Exists(file)) throw new FileNotFoundException($"{file} does not exist.", file);
        var connectionString = Plain(file) + ";Mode=ReadOnly";
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            var integrity = (string?)await Scalar(connection, "PRAGMA integrity_check;", ct);
            if (integrity != "ok") throw new InvalidDataException($"{file} fails SQLite's integrity check: {integrity}");
        }
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).Options;
        await using var db = new SqliteAppDbContext(options);
        var audit = await new AuditChainVerifier(db).VerifyAsync(ct);
        await using var counts = new SqliteConnection(connectionString);
        await counts.OpenAsync(ct);
        async Task<long> Count(string table) => Convert.ToInt64(await Scalar(counts, $"SELECT COUNT(*) FROM \"{table}\";", ct));
        return new BackupSummary(file, new FileInfo(file).Length, await Count("approval_cases"), await Count("engine_instances"),
            await Count("engine_tasks"), await Count("engine_task_attachments"), await Count("audit_log"), audit);
    }

    private static string Plain(string file) => new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();

    private static async Task<object?> Scalar(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
