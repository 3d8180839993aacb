using System.Runtime.CompilerServices;
using System.Text;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Parsing;
using Xunit.Abstractions;

namespace ApprovalFlow.Engine.Tests.Parsing;

/// <summary>
/// Runs the reader over the OMG BPMN MIWG reference models (shared/conformance/miwg, CC BY 3.0):
/// every file must either deploy or be refused with located, readable reasons, never crash.
/// </summary>
public class MiwgConformanceTests(ITestOutputHelper output)
{
    private const string RelativeFolder = "shared/conformance/miwg";

    public static TheoryData<string> ReferenceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(MiwgDirectory(), "*.bpmn").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ReferenceFiles))]
    public void Reference_model_is_deployed_or_refused_with_located_reasons(string fileName)
    {
        var bytes = File.ReadAllBytes(Path.Combine(MiwgDirectory(), fileName));

        var outcome = Outcome.Of(bytes);

        if (outcome.Model is { } model)
        {
            model.Nodes.ShouldNotBeEmpty();
            return;
        }
        outcome.Errors.ShouldNotBeEmpty();
        foreach (var error in outcome.Errors)
        {
            error.Message.ShouldNotBeNullOrWhiteSpace($"{fileName}: {error}");
            (!string.IsNullOrWhiteSpace(error.ElementId) || error.Line is not null)
                .ShouldBeTrue($"{fileName}: error names neither an element id nor a line: {error}");
        }
    }

    [Fact]
    public void Reference_set_holds_at_least_twenty_models()
    {
        Directory.GetFiles(MiwgDirectory(), "*.bpmn").Length.ShouldBeGreaterThanOrEqualTo(20);
    }

    [Fact]
    public void Conformance_table_is_printed_and_matches_the_published_record_in_docs()
    {
        var files = Directory.GetFiles(MiwgDirectory(), "*.bpmn").Order(StringComparer.Ordinal).ToList();
        var table = new StringBuilder();
        table.AppendLine("| File | Result | Reasons (first 3) |");
        table.AppendLine("|---|---|---|");
        var results = new List<string>();
        foreach (var file in files)
        {
            var outcome = Outcome.Of(File.ReadAllBytes(file));
            var reasons = string.Join("<br>", outcome.Errors.Take(3).Select(e => e.ToString().Replace("|", "\\|")));
            if (outcome.Errors.Count > 3) reasons += $"<br>(+{outcome.Errors.Count - 3} more)";
            var row = $"| {Path.GetFileName(file)} | {(outcome.Model is null ? "refused" : "deployed")} |";
            table.AppendLine($"{row} {reasons} |");
            results.Add(row);
        }
        output.WriteLine(table.ToString());

        // The published record must say what the reader does today.
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "miwg-conformance.md"));
        foreach (var row in results)
            doc.ShouldContain(row, customMessage: $"docs/miwg-conformance.md does not record '{row}': update it from this test's output.");
    }

    private sealed record Outcome(ProcessModel? Model, IReadOnlyList<ValidationError> Errors)
    {
        /// <summary>Anything but a model or <see cref="DefinitionInvalidException"/> escapes and fails the test.</summary>
        public static Outcome Of(byte[] bytes)
        {
            try
            {
                return new Outcome(BpmnReader.Read(bytes), []);
            }
            catch (DefinitionInvalidException ex)
            {
                return new Outcome(null, ex.Errors);
            }
        }
    }

    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) }.Where(s => !string.IsNullOrEmpty(s)))
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ApprovalFlow.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("The repository root (the folder holding ApprovalFlow.sln) was not found above the test binaries or sources.");
    }

    /// <summary>
    /// The reference set lives in <c>shared/</c> beside the repository (<c>&lt;parent&gt;/shared</c> next to
    /// <c>&lt;parent&gt;/&lt;repo&gt;</c>), or inside it. Searched upwards from the test binaries, then from this
    /// source file (for builds whose artifacts path lies outside the repository).
    /// </summary>
    private static string MiwgDirectory([CallerFilePath] string sourceFile = "")
    {
        var starts = new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) };
        var looked = new List<string>();
        foreach (var start in starts.Where(s => !string.IsNullOrEmpty(s)))
        {
            for (var dir = new DirectoryInfo(start!); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, RelativeFolder), Path.Combine(dir.FullName, "..", RelativeFolder) })
                {
                    if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
                }
                looked.Add(dir.FullName);
            }
        }
        throw new DirectoryNotFoundException(
            $"The BPMN MIWG reference set ('{RelativeFolder}') was not found in or beside any parent of: {string.Join(", ", looked.Distinct())}. " +
            "Copy the shared/ folder beside the repository clone.");
    }
}
