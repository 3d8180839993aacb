using ApprovalFlow.Web.Data.DesignTime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ApprovalFlow.Web.Tests.Database;

/// <summary>No SQL Server runs on these machines: the model, the migrations and their script are checked without one.</summary>
public sealed class SqlServerMigrationTests
{
    [Fact]
    public void The_sql_server_model_builds_with_the_engine_and_identity_tables()
    {
        using var db = new SqlServerAppDbContextFactory().CreateDbContext([]);

        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).ToList();

        tables.ShouldContain("engine_instances");
        tables.ShouldContain("engine_tasks");
        tables.ShouldContain("engine_timers");
        tables.ShouldContain("AspNetUsers");
    }

    [Fact]
    public void The_sql_server_migrations_exist()
    {
        using var db = new SqlServerAppDbContextFactory().CreateDbContext([]);

        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public void A_full_idempotent_sql_server_script_is_generated_without_a_server()
    {
        using var db = new SqlServerAppDbContextFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.ShouldContain("CREATE TABLE [engine_instances]");
        script.ShouldContain("CREATE TABLE [AspNetUsers]");
        script.ShouldContain("IF NOT EXISTS");
        foreach (var migration in db.Database.GetMigrations())
        {
            script.ShouldContain(migration);
        }
    }
}
