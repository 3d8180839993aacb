using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace ApprovalFlow.Web.Tests.Infrastructure;

/// <summary>
/// The app on a database of its own in the PostgreSQL server that ./test.sh starts
/// (<c>APPROVALFLOW_TEST_POSTGRES</c>). Without that server the tests fail; they never skip.
/// </summary>
public sealed class PostgresWebAppFactory : WebAppFactory, IAsyncLifetime
{
    public const string ServerVariable = "APPROVALFLOW_TEST_POSTGRES";

    private readonly string _database = "approvalflow_test_" + Guid.NewGuid().ToString("N");

    public string ConnectionString { get; private set; } = "";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ServerVariable} is not set. The PostgreSQL tests need the server that ./test.sh starts: run ./test.sh.");

    public async Task InitializeAsync() => ConnectionString = await CreateDatabaseAsync(_database);

    /// <summary>A new empty database on the test server; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a test database, closing the pooled connections and any other session on it.</summary>
    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }

    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:ApprovalFlow", ConnectionString);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DropDatabaseAsync(_database);
    }
}
