using System.Data.Common;
using System.Runtime.CompilerServices;
using ApprovalFlow.Engine;
using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ApprovalFlow.Benchmarks;

public sealed class BenchContext(DbContextOptions<BenchContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => EngineModel.Configure(modelBuilder);
}

/// <summary>
/// A fresh durable store with the engine hosted on it the way the web app hosts it (AddDbContextPool, one scope per call):
/// a new SQLite file in WAL mode, or a new database on a PostgreSQL server. Deleted again on dispose.
/// </summary>
public sealed class BenchStore : IAsyncDisposable
{
    public const string PostgresVariable = "APPROVALFLOW_BENCH_POSTGRES";

    private readonly string? sqliteFile;
    private readonly bool keep;

    public ServiceProvider Services { get; }
    public SqlCounter Counter { get; }
    public string Description { get; }

    private BenchStore(ServiceProvider services, SqlCounter counter, string description, string? sqliteFile, bool keep)
    {
        Services = services;
        Counter = counter;
        Description = description;
        this.sqliteFile = sqliteFile;
        this.keep = keep;
    }

    public static async Task<BenchStore> CreateAsync(string store, string? connection, string sqliteSync, int busyTimeoutMs, bool writeGate, bool keep)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var counter = new SqlCounter();
        string description;
        string? file = null;
        if (store == "sqlite")
        {
            file = Path.Combine(Path.GetTempPath(), $"af-bench-{Guid.NewGuid():N}.db");
            var cs = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 60 }.ToString();
            var pragma = new SqlitePragmaInterceptor(sqliteSync.ToUpperInvariant(), busyTimeoutMs);
            IInterceptor[] interceptors = writeGate ? [counter, pragma, new SqliteWriteQueue(TimeSpan.FromMilliseconds(busyTimeoutMs))] : [counter, pragma];
            services.AddDbContextPool<BenchContext>(o => o.UseSqlite(cs).AddInterceptors(interceptors));
            description = $"SQLite file {file}, journal_mode=WAL, synchronous={sqliteSync.ToUpperInvariant()}, busy_timeout={busyTimeoutMs} ms" +
                          (writeGate ? ", write transactions queued in process (SqliteWriteQueue, as the web app does)" : "");
        }
        else
        {
            var server = connection ?? Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
                throw new OptionsException($"--store postgres needs --connection or {PostgresVariable} (e.g. \"Host=127.0.0.1;Port=5432;Username=postgres\")");
            var builder = new NpgsqlConnectionStringBuilder(server) { Database = $"af_bench_{Guid.NewGuid():N}" };
            var cs = builder.ConnectionString;
            services.AddDbContextPool<BenchContext>(o => o.UseNpgsql(cs).AddInterceptors(counter));
            description = $"PostgreSQL {builder.Host}:{builder.Port}, fresh database {builder.Database}, pool max {builder.MaxPoolSize}";
        }
        services.AddWorkflowEngine<BenchContext>();
        var provider = services.BuildServiceProvider();
        var bench = new BenchStore(provider, counter, description, file, keep);
        using (var scope = provider.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BenchContext>();
            await db.Database.EnsureCreatedAsync();
            if (store == "sqlite") await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        return bench;
    }

    public async ValueTask DisposeAsync()
    {
        if (!keep && sqliteFile is null)
        {
            using var scope = Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<BenchContext>().Database.EnsureDeletedAsync();
        }
        await Services.DisposeAsync();
        if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            if (!keep)
                foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
                    File.Delete(f);
        }
    }
}

/// <summary>
/// Sets the connection pragmas once per physical SQLite connection (a pooled connection keeps them): synchronous, and
/// busy_timeout as the web app sets it, so a writer that finds the file locked waits inside SQLite instead of in
/// Microsoft.Data.Sqlite's own sleep-and-retry loop (without it, p90 completions went to ~200 ms at a p50 of 15 ms).
/// </summary>
internal sealed class SqlitePragmaInterceptor(string synchronous, int busyTimeoutMs) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> done = new();
    private readonly string sql = $"PRAGMA synchronous={synchronous}; PRAGMA busy_timeout={busyTimeoutMs};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite) return;
        if (done.TryGetValue(handle, out _)) return;
        using var command = sqlite.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        done.AddOrUpdate(handle, handle);
    }
}
