using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalFlow.Engine.Tests.Infrastructure;

/// <summary>
/// A real engine on a real database: a fresh SQLite file, or a fresh database on the PostgreSQL server
/// that ./test.sh starts (APPROVALFLOW_TEST_POSTGRES). Each <see cref="Engine"/> call is a new DI scope,
/// as each HTTP request or job would be.
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    public const string PostgresVariable = "APPROVALFLOW_TEST_POSTGRES";

    private readonly ServiceProvider provider;
    private readonly string? sqliteFile;
    private readonly List<IServiceScope> scopes = [];

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
    public RecordingTimerScheduler Scheduler { get; } = new();
    public StoreKind Store { get; }

    private EngineHarness(StoreKind store, Action<IServiceCollection>? configure, string? reuseSqliteFile, string? reusePostgresDb)
    {
        Store = store;
        var services = new ServiceCollection();
        services.AddLogging();
        string? connection;
        if (store == StoreKind.Sqlite)
        {
            sqliteFile = reuseSqliteFile ?? Path.Combine(Path.GetTempPath(), $"af-engine-{Guid.NewGuid():N}.db");
            connection = new SqliteConnectionStringBuilder { DataSource = sqliteFile, DefaultTimeout = 60, Pooling = true }.ToString();
            services.AddDbContext<EngineTestContext>(o => o.UseSqlite(connection));
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
                throw new InvalidOperationException($"PostgreSQL tests need {PostgresVariable}; run them through ./test.sh, which starts a private server.");
            PostgresDatabase = reusePostgresDb ?? $"af_engine_{Guid.NewGuid():N}";
            connection = $"{server};Database={PostgresDatabase};Maximum Pool Size=50";
            services.AddDbContext<EngineTestContext>(o => o.UseNpgsql(connection));
        }
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ITimerScheduler>(Scheduler);
        configure?.Invoke(services);
        services.AddWorkflowEngine<EngineTestContext>();
        provider = services.BuildServiceProvider();
    }

    public string? PostgresDatabase { get; }
    public string? SqliteFile => sqliteFile;

    public static async Task<EngineHarness> CreateAsync(StoreKind store, Action<IServiceCollection>? configure = null)
    {
        var harness = new EngineHarness(store, configure, null, null);
        await harness.CreateSchemaAsync();
        return harness;
    }

    /// <summary>A new process on the same database, as after an application restart.</summary>
    public EngineHarness Restart(Action<IServiceCollection>? configure = null)
    {
        var restarted = new EngineHarness(Store, configure, sqliteFile, PostgresDatabase);
        restarted.Clock.SetUtcNow(Clock.GetUtcNow());
        return restarted;
    }

    private async Task CreateSchemaAsync()
    {
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EngineTestContext>();
        await db.Database.EnsureCreatedAsync();
        if (Store == StoreKind.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    public WorkflowEngine Engine()
    {
        var scope = provider.CreateScope();
        lock (scopes) scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
    }

    public EngineTestContext Db()
    {
        var scope = provider.CreateScope();
        lock (scopes) scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<EngineTestContext>();
    }

    public async Task<DeployedDefinition> DeployAsync(string xml) => await Engine().DeployAsync(Encoding.UTF8.GetBytes(xml), "test");

    public async Task<InstanceSnapshot> StartAsync(string key, object? variables = null, string? businessKey = null) =>
        await Engine().StartAsync(key, businessKey, Vars(variables), "starter");

    public async Task<IReadOnlyList<TaskSnapshot>> TasksAsync(Guid instanceId) =>
        await Engine().ListOpenTasksAsync(new TaskQuery(InstanceId: instanceId));

    public async Task<TaskSnapshot> TaskAsync(Guid instanceId, string elementId) =>
        (await TasksAsync(instanceId)).Single(t => t.ElementId == elementId);

    public async Task<InstanceSnapshot> CompleteAsync(Guid instanceId, string elementId, object? variables = null)
    {
        var task = await TaskAsync(instanceId, elementId);
        return await Engine().CompleteTaskAsync(task.Id, Vars(variables), "officer");
    }

    public async Task<InstanceSnapshot> InstanceAsync(Guid id) => (await Engine().GetInstanceAsync(id))!;

    public static JsonObject? Vars(object? variables) =>
        variables is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(variables) as JsonObject;

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in scopes) scope.Dispose();
        await provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
