using System.Diagnostics;
using ApprovalFlow.Web.Features.Backup;
using ApprovalFlow.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ApprovalFlow.Web.Tests.Backup;

/// <summary>
/// The embedded database: <c>dotnet ApprovalFlow.Web.dll backup &lt;file&gt;</c>, a process of its own, copies it with
/// SQLite's online backup API while the app writes; the restore puts the file in a fresh data folder.
/// </summary>
public sealed class SqliteBackupRestoreTests(WebAppFactory factory, ITestOutputHelper output)
    : BackupRestoreScenarios(output), IClassFixture<WebAppFactory>
{
    [Fact]
    public Task The_backup_verb_copies_the_running_database_and_the_restored_copy_holds_everything_with_its_audit_chain() =>
        RunAsync(factory);

    [Fact]
    public async Task The_backup_verb_refuses_to_overwrite_a_file_and_a_provider_it_does_not_copy()
    {
        var existing = Path.Combine(factory.DataFolder, "existing.db");
        Directory.CreateDirectory(factory.DataFolder);
        await File.WriteAllTextAsync(existing, "keep me");
        var (exitCode, text) = await RunVerbAsync(existing, Settings(factory));
        exitCode.ShouldBe(2, text);
        text.ShouldContain("never overwrites");
        (await File.ReadAllTextAsync(existing)).ShouldBe("keep me");

        var postgres = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__ApprovalFlow"] = "Host=127.0.0.1;Database=none",
        };
        (exitCode, text) = await RunVerbAsync(Path.Combine(factory.DataFolder, "other.db"), postgres);
        exitCode.ShouldBe(2, text);
        text.ShouldContain("pg_dump");
    }

    protected override async Task<WebAppFactory> BackupAndRestoreAsync(WebAppFactory source)
    {
        var backups = Path.Combine(source.DataFolder, "backups");
        var file = Path.Combine(backups, "approvalflow-backup.db");
        var (exitCode, text) = await RunVerbAsync(file, Settings(source));
        Output.WriteLine(text.Trim());
        exitCode.ShouldBe(0, text);
        text.ShouldContain("Audit log intact");
        File.Exists(file + ".partial").ShouldBeFalse();

        // Restore: the app is stopped (here: another app), the file is put in place as data/approvalflow.db.
        var restored = new RestoredWebAppFactory("Sqlite", null);
        Directory.CreateDirectory(restored.DataFolder);
        File.Copy(file, Path.Combine(restored.DataFolder, "approvalflow.db"));
        return restored;
    }

    private static Dictionary<string, string> Settings(WebAppFactory factory) => new()
    {
        ["Database__Provider"] = "Sqlite",
        ["ConnectionStrings__ApprovalFlow"] = "",
        ["ApprovalFlow__DataFolder"] = factory.DataFolder,
    };

    private static async Task<(int ExitCode, string Output)> RunVerbAsync(string target, IReadOnlyDictionary<string, string> settings)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ApprovalFlow.Web.dll"), BackupCommandLine.Verb, target },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
