using System.Diagnostics;
using ApprovalFlow.Web.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace ApprovalFlow.Web.Tests.Backup;

/// <summary>
/// PostgreSQL: <c>pg_dump -Fc</c> of the app's database while the app writes, <c>pg_restore</c> into a new database of
/// the same server, the app started on that one (the commands docs/operations.md gives).
/// </summary>
public sealed class PostgresBackupRestoreTests(PostgresWebAppFactory factory, ITestOutputHelper output)
    : BackupRestoreScenarios(output), IClassFixture<PostgresWebAppFactory>, IAsyncLifetime
{
    private readonly string _restoredDatabase = "approvalflow_restored_" + Guid.NewGuid().ToString("N");

    [Fact]
    public Task A_pg_dump_taken_while_the_app_writes_restores_into_a_database_that_holds_everything_with_its_audit_chain() =>
        RunAsync(factory);

    protected override async Task<WebAppFactory> BackupAndRestoreAsync(WebAppFactory source)
    {
        var dump = Path.Combine(source.DataFolder, "approvalflow.dump");
        Directory.CreateDirectory(source.DataFolder);
        var server = new NpgsqlConnectionStringBuilder(PostgresWebAppFactory.ServerConnectionString);
        var database = new NpgsqlConnectionStringBuilder(factory.ConnectionString).Database!;
        await RunAsync("pg_dump", server, "--format=custom", "--file", dump, "--dbname", database);

        var restored = await PostgresWebAppFactory.CreateDatabaseAsync(_restoredDatabase);
        await RunAsync("pg_restore", server, "--no-owner", "--exit-on-error", "--dbname", _restoredDatabase, dump);
        Output.WriteLine($"pg_dump file: {new FileInfo(dump).Length:N0} bytes");
        return new RestoredWebAppFactory("Postgres", restored);
    }

    private static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder server, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--host", server.Host!, "--port", server.Port.ToString(), "--username", server.Username ?? "postgres" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        if (server.Password is { Length: > 0 } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, $"{tool}: {await output}{await error}");
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => PostgresWebAppFactory.DropDatabaseAsync(_restoredDatabase);
}
