using Microsoft.Data.Sqlite;

namespace ApprovalFlow.Web.Data;

/// <summary>
/// Where the app keeps its data: <c>Database:Provider</c>, <c>ConnectionStrings:ApprovalFlow</c> and
/// <c>ApprovalFlow:DataFolder</c> (default <c>data</c> under the content root).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataFolder)
{
    public const string ConnectionStringName = "ApprovalFlow";

    /// <summary>The embedded default: zero set-up, seeded with demo accounts.</summary>
    public bool IsEmbedded => Provider == DatabaseProvider.Sqlite;

    public static DatabaseSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{providerText}' is not supported; use Sqlite, Postgres or SqlServer.");
        }

        var dataFolder = Path.GetFullPath(Path.Combine(
            environment.ContentRootPath, configuration["ApprovalFlow:DataFolder"] ?? "data"));

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataFolder, "approvalflow.db") }.ToString()
                : throw new InvalidOperationException(
                    $"ConnectionStrings:{ConnectionStringName} is required for the {provider} provider.");
        }

        return new DatabaseSettings(provider, connectionString, dataFolder);
    }
}
