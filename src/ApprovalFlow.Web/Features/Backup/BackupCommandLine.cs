using ApprovalFlow.Web.Data;

namespace ApprovalFlow.Web.Features.Backup;

/// <summary>
/// <c>backup &lt;file&gt;</c>: copies the configured embedded SQLite database to a new file while the app may be serving
/// (same settings as the app: appsettings, environment variables, command-line switches), checks the copy and prints
/// what it holds. Exit code 0: written and checked; 1: written, but the copy's audit chain does not verify (neither
/// does the database's); 2: no backup (wrong provider, the file exists, the copy failed its integrity check…).
/// PostgreSQL and SQL Server are backed up with their own tools (docs/operations.md).
/// </summary>
public static class BackupCommandLine
{
    public const string Verb = "backup";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            await Console.Error.WriteLineAsync("usage: ApprovalFlow.Web backup <target-file> [--setting value …]");
            return 2;
        }
        try
        {
            var builder = WebApplication.CreateBuilder(args[1..]);
            var settings = DatabaseSettings.From(builder.Configuration, builder.Environment);
            if (settings.Provider != DatabaseProvider.Sqlite)
            {
                await Console.Error.WriteLineAsync(
                    $"backup copies the embedded SQLite database; this configuration uses {settings.Provider}: back it up with its own tools (pg_dump -Fc for PostgreSQL, see docs/operations.md).");
                return 2;
            }
            var summary = await SqliteBackup.BackupAsync(settings.ConnectionString, args[0]);
            Console.WriteLine($"Backup written: {summary}");
            return summary.Audit.Intact ? 0 : 1;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"backup could not run: {e.GetType().Name}: {e.Message}");
            return 2;
        }
    }
}
