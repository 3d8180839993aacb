using Npgsql;

namespace ApprovalFlow.ScaleOut.Tests;

/// <summary>
/// A fresh database of its own in the PostgreSQL server that ./test.sh starts (<c>APPROVALFLOW_TEST_POSTGRES</c>), read
/// directly by the assertions. Without that server the test fails; it never skips.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    public const string ServerVariable = "APPROVALFLOW_TEST_POSTGRES";

    private readonly string _name = "approvalflow_scale_" + Guid.NewGuid().ToString("N");

    private Database()
    {
    }

    public string ConnectionString { get; private set; } = "";

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ServerVariable} is not set. The scale-out test needs the PostgreSQL server that ./test.sh starts: run ./test.sh.");

    public static async Task<Database> CreateAsync()
    {
        var database = new Database();
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database._name}\"", server);
        await create.ExecuteNonQueryAsync();
        database.ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database._name }.ConnectionString;
        return database;
    }

    /// <summary>The connection string the app servers get: a pool small enough for three servers and the other test projects.</summary>
    public string AppConnectionString =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = 40 }.ConnectionString;

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) =>
        (await QueryAsync(sql, r => r.GetFieldValue<T>(0), parameters)).Single();

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}
