using System.Reflection;

namespace ApprovalFlow.BrowserTests.Infrastructure;

/// <summary>Folders of the working tree the tests were built from (the build stamps its root into the assembly).</summary>
public static class Repository
{
    public static string Root { get; } = Path.GetFullPath(
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!);

    /// <summary>Failure screenshots and traces: TestResults/browser of the working tree.</summary>
    public static string FailureArtifacts => Path.Combine(Root, "TestResults", "browser");

    /// <summary>Where the screenshots of the main pages go: docs/screenshots with <c>./test.sh --screenshots</c>
    /// (APPROVALFLOW_SCREENSHOTS=1), otherwise TestResults/browser/screenshots so that a plain run leaves docs alone.</summary>
    public static string Screenshots =>
        Environment.GetEnvironmentVariable("APPROVALFLOW_SCREENSHOTS") == "1"
            ? Path.Combine(Root, "docs", "screenshots")
            : Path.Combine(FailureArtifacts, "screenshots");
}
