using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Data.DesignTime;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Tests.Database;

/// <summary>Catches a model change migrated for no provider or for only some of them.</summary>
public sealed class ModelSnapshotTests
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres", "SqlServer"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_migrations_of_every_provider_match_the_model(string provider)
    {
        using AppDbContext db = provider switch
        {
            "Sqlite" => new SqliteAppDbContextFactory().CreateDbContext([]),
            "Postgres" => new PostgresAppDbContextFactory().CreateDbContext([]),
            _ => new SqlServerAppDbContextFactory().CreateDbContext([]),
        };

        db.Database.HasPendingModelChanges().ShouldBeFalse(
            $"The {provider} migrations lag behind the model: run scripts/add-migration.sh <Name>.");
    }
}
