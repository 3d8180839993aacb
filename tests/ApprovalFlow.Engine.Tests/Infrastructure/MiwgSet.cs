using System.Runtime.CompilerServices;
using Xunit.Abstractions;

namespace ApprovalFlow.Engine.Tests.Infrastructure;

/// <summary>
/// Where the OMG BPMN MIWG reference models are: <c>APPROVALFLOW_MIWG</c> when set, else <c>shared/conformance/miwg</c>
/// beside the repository or inside it. A clone without them still passes: the tests say in one line that the set is absent.
/// </summary>
public static class MiwgSet
{
    public const string FolderVariable = "APPROVALFLOW_MIWG";
    private const string RelativeFolder = "shared/conformance/miwg";

    /// <summary>The reference files in name order, or null (said in one line) when the set is absent.</summary>
    public static List<string>? Files(ITestOutputHelper output)
    {
        var folder = Directory();
        if (folder is null)
        {
            output.WriteLine($"The BPMN MIWG reference set is absent ({FolderVariable} unset and no {RelativeFolder} in or beside the repository): nothing to check.");
            return null;
        }
        return System.IO.Directory.GetFiles(folder, "*.bpmn").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>One reference file's bytes, or null (said in one line) when the set is absent.</summary>
    public static byte[]? Bytes(string fileName, ITestOutputHelper output) =>
        Files(output)?.FirstOrDefault(f => Path.GetFileName(f) == fileName) is { } path
            ? File.ReadAllBytes(path)
            : Directory() is null ? null : throw new FileNotFoundException($"The MIWG reference set has no {fileName}.");

    public static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) }.Where(s => !string.IsNullOrEmpty(s)))
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ApprovalFlow.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("The repository root (the folder holding ApprovalFlow.sln) was not found above the test binaries or sources.");
    }

    /// <summary>
    /// <c>APPROVALFLOW_MIWG</c> when set (it must then exist); else <c>shared/</c> beside the repository
    /// (<c>&lt;parent&gt;/shared</c> next to <c>&lt;parent&gt;/&lt;repo&gt;</c>, which also finds it beside a git
    /// worktree placed next to the clone) or inside it, searched upwards from the test binaries, then from this
    /// source file (for builds whose artifacts path lies outside the repository). Null when none exists.
    /// </summary>
    private static string? Directory([CallerFilePath] string sourceFile = "")
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured)
            return System.IO.Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new DirectoryNotFoundException($"{FolderVariable} names '{configured}', which does not exist.");
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) }.Where(s => !string.IsNullOrEmpty(s)))
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
                foreach (var candidate in new[] { Path.Combine(dir.FullName, RelativeFolder), Path.Combine(dir.FullName, "..", RelativeFolder) })
                    if (System.IO.Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        return null;
    }
}
