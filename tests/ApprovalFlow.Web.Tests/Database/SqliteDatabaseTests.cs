using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Database;

public sealed class SqliteDatabaseTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Migrations_apply_on_a_fresh_sqlite_file_in_the_data_folder()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        db.ShouldBeOfType<SqliteAppDbContext>();
        File.Exists(Path.Combine(factory.DataFolder, "approvalflow.db")).ShouldBeTrue();
        var all = db.Database.GetMigrations().ToList();
        all.ShouldNotBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(all);
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Set<ApprovalFlow.Engine.Persistence.ProcessInstanceRecord>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_sqlite_file_runs_in_wal_mode()
    {
        _ = factory.Services;
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataFolder, "approvalflow.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        ((string?)await command.ExecuteScalarAsync()).ShouldBe("wal");
    }

    [Fact]
    public async Task Every_connection_waits_for_a_busy_database_instead_of_failing()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";

        Convert.ToInt32(await command.ExecuteScalarAsync()).ShouldBeGreaterThan(0);
    }
}
