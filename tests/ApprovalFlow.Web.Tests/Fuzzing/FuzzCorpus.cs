using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Fuzzing;

/// <summary>
/// The models the fuzzer damages: the shipped workflows (<c>workflows/</c>, legacy included), the test scenarios, and the
/// MIWG reference models when <c>../shared/conformance/miwg</c> exists (one line says so when it does not).
/// </summary>
public static class FuzzCorpus
{
    public static IReadOnlyList<(string Name, byte[] Bytes)> Load(Action<string> say)
    {
        var root = ReferenceSets.RepositoryRoot();
        var files = new List<string>();
        files.AddRange(Directory.GetFiles(Path.Combine(root, "workflows"), "*.bpmn", SearchOption.AllDirectories));
        files.AddRange(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Scenarios"), "*.bpmn"));
        var miwg = ReferenceSets.MiwgFolder;
        if (Directory.Exists(miwg)) files.AddRange(Directory.GetFiles(miwg, "*.bpmn"));
        else say(ReferenceSets.AbsentLine("miwg", miwg));
        return files.Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(Path.GetDirectoryName(f)) + "/" + Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();
    }
}
