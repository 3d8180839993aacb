using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ApprovalFlow.Web.Data.DesignTime;

/// <summary>Used by <c>dotnet ef</c> only (scripts/add-migration.sh).</summary>
public sealed class SqliteAppDbContextFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite("Data Source=approvalflow-design.db")
            .Options);
}
