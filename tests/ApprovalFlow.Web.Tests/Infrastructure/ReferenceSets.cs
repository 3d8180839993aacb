using System.Runtime.CompilerServices;

namespace ApprovalFlow.Web.Tests.Infrastructure;

/// <summary>
/// External reference sets that live in <c>shared/</c> beside the repository clone (not in it): a newcomer's clone may
/// not have them. Tests of such a set use it when it is there and say so in one line when it is not, without failing.
/// </summary>
public static class ReferenceSets
{
    /// <summary>The OMG BPMN MIWG models where the app's default <c>Designer:ExtraFolders:miwg</c> looks for them.</summary>
    public static string MiwgFolder => Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "conformance", "miwg"));

    /// <summary>One line for the test output when a set is missing; the test then checks the app's behaviour without it.</summary>
    public static string AbsentLine(string name, string folder) =>
        $"Reference set '{name}' is absent ({folder} does not exist): checked that the app copes without it.";

    /// <summary>The clone's root: the folder holding ApprovalFlow.sln above the test binaries or sources.</summary>
    public static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) }.Where(s => !string.IsNullOrEmpty(s)))
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ApprovalFlow.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("The repository root (the folder holding ApprovalFlow.sln) was not found above the test binaries or sources.");
    }
}
