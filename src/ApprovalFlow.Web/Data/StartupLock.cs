using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace ApprovalFlow.Web.Data;

/// <summary>
/// Serialises the start-up of several servers on one database: the first to take the lock migrates the schema (the app's
/// and the engine's tables, one EF Core model), seeds roles and accounts, installs Hangfire's storage and runs the start-up
/// seeders (departments, materials, calendar, shipped workflows, demo data); the others wait, then find everything in place.
/// On PostgreSQL it is a session-level advisory lock (key <see cref="PostgresKey"/>, "AFSTART" in ASCII, distinct from the
/// audit chain's <c>AuditLog.PostgresLockKey</c>); on SQL Server an application lock (<see cref="SqlServerResource"/>) owned
/// by the session. Both live on a connection of their own, held from before the migration until the host has started
/// (or is disposed), and end with that connection if the process dies. SQLite needs none: one file, one server.
/// </summary>
public sealed class StartupLock(DatabaseSettings settings, ILogger<StartupLock> logger) : IDisposable
{
    public const long PostgresKey = 0x41_46_53_54_41_52_54;
    public const string SqlServerResource = "approvalflow.startup";

    private readonly Lock _gate = new();
    private DbConnection? _connection;

    public async Task AcquireAsync(CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Sqlite) return;
        DbConnection connection = settings.Provider switch
        {
            // No pooling: the connection is closed for real when the lock ends, never handed on still holding it.
            DatabaseProvider.Postgres => new NpgsqlConnection(
                new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString),
            DatabaseProvider.SqlServer => new SqlConnection(
                new SqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString),
            _ => throw new InvalidOperationException($"No start-up lock for {settings.Provider}."),
        };
        try
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandTimeout = 0; // wait as long as the server before us takes to start
            if (settings.Provider == DatabaseProvider.Postgres)
            {
                command.CommandText = $"SELECT pg_advisory_lock({PostgresKey})";
            }
            else
            {
                command.CommandText = $"""
                    DECLARE @result int;
                    EXEC @result = sp_getapplock @Resource = N'{SqlServerResource}', @LockMode = N'Exclusive',
                        @LockOwner = N'Session', @LockTimeout = -1;
                    IF @result < 0 THROW 51000, N'The start-up lock could not be taken.', 1;
                    """;
            }
            var waited = System.Diagnostics.Stopwatch.StartNew();
            await command.ExecuteNonQueryAsync(ct);
            if (waited.Elapsed > TimeSpan.FromSeconds(1))
            {
                logger.LogInformation("Took the start-up lock after waiting {Seconds:0.0} s for another server to start", waited.Elapsed.TotalSeconds);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        lock (_gate) _connection = connection;
    }

    /// <summary>Lets the next server start. Safe to call more than once, and when the lock was never taken.</summary>
    public void Release()
    {
        DbConnection? connection;
        lock (_gate)
        {
            connection = _connection;
            _connection = null;
        }
        if (connection is null) return;
        try
        {
            if (connection.State == ConnectionState.Open)
            {
                using var command = connection.CreateCommand();
                command.CommandText = settings.Provider == DatabaseProvider.Postgres
                    ? $"SELECT pg_advisory_unlock({PostgresKey})"
                    : $"EXEC sp_releaseapplock @Resource = N'{SqlServerResource}', @LockOwner = N'Session'";
                command.ExecuteNonQuery();
            }
        }
        catch (DbException ex)
        {
            // Closing the session below ends the lock anyway.
            logger.LogWarning(ex, "Releasing the start-up lock failed; closing its connection releases it");
        }
        finally
        {
            connection.Dispose();
        }
    }

    public void Dispose() => Release();
}
