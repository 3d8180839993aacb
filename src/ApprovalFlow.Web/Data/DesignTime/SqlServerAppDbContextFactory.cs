using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ApprovalFlow.Web.Data.DesignTime;

/// <summary>Used by <c>dotnet ef</c> and the tests; the connection string is a placeholder that is never opened.</summary>
public sealed class SqlServerAppDbContextFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
            .UseSqlServer("Server=design-time-placeholder;Database=ApprovalFlow;Integrated Security=false;TrustServerCertificate=true")
            .Options);
}
