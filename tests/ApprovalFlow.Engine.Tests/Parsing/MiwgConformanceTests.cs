using System.Text;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Parsing;
using ApprovalFlow.Engine.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ApprovalFlow.Engine.Tests.Parsing;

/// <summary>
/// Runs the reader over the OMG BPMN MIWG reference models (shared/conformance/miwg, CC BY 3.0): every
/// executable process of the C.* models is read, the descriptive A.* and B.* models are refused with the one
/// "not executable" message, and nothing crashes the reader or yields an unlocated error.
/// The set lies beside the repository; <c>APPROVALFLOW_MIWG</c> names another folder. Without it (a fresh clone
/// with no shared/ folder beside it) each test says so in one line and returns.
/// </summary>
public class MiwgConformanceTests(ITestOutputHelper output)
{
    /// <summary>Service-like tasks of the reference models name handlers a host would register; every name counts as registered here.</summary>
    private static bool AnyHandler(string name) => true;

    [Fact]
    public void Every_reference_model_is_read_or_refused_with_located_reasons()
    {
        if (Files() is not { } files) return;
        files.Count.ShouldBeGreaterThanOrEqualTo(20);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var outcome = Outcome.Of(File.ReadAllBytes(file));
            if (outcome.Models.Count > 0)
            {
                outcome.Models.ShouldAllBe(m => m.Nodes.Count > 0, name);
                continue;
            }
            outcome.Errors.ShouldNotBeEmpty(name);
            foreach (var error in outcome.Errors)
            {
                error.Message.ShouldNotBeNullOrWhiteSpace($"{name}: {error}");
                (!string.IsNullOrWhiteSpace(error.ElementId) || error.Line is not null)
                    .ShouldBeTrue($"{name}: error names neither an element id nor a line: {error}");
            }
        }
    }

    [Fact]
    public void Descriptive_models_are_refused_with_the_one_not_executable_message()
    {
        if (Files() is not { } files) return;
        foreach (var file in files.Where(f => Path.GetFileName(f)[0] is 'A' or 'B'))
        {
            var outcome = Outcome.Of(File.ReadAllBytes(file));
            outcome.Models.ShouldBeEmpty(Path.GetFileName(file));
            outcome.Errors.ShouldHaveSingleItem(Path.GetFileName(file)).Message.ShouldStartWith("No process in this file is executable");
        }
    }

    [Fact]
    public void Conformance_table_is_printed_and_matches_the_published_record_in_docs()
    {
        if (Files() is not { } files) return;
        var table = new StringBuilder();
        table.AppendLine("| File | Result | Processes or reasons |");
        table.AppendLine("|---|---|---|");
        var results = new List<string>();
        foreach (var file in files)
        {
            var outcome = Outcome.Of(File.ReadAllBytes(file));
            var row = outcome.Models.Count > 0
                ? $"| {Path.GetFileName(file)} | read: {outcome.Models.Count} process(es) |"
                : $"| {Path.GetFileName(file)} | refused |";
            var detail = outcome.Models.Count > 0
                ? string.Join("<br>", outcome.Models.Select(m => $"`{m.Key}`: {m.Nodes.Count} elements, {m.Flows.Count} flows"))
                : Reasons(outcome.Errors);
            table.AppendLine($"{row} {detail} |");
            results.Add(row);
        }
        output.WriteLine(table.ToString());

        // The published record must say what the reader does today.
        var doc = File.ReadAllText(Path.Combine(MiwgSet.RepositoryRoot(), "docs", "miwg-conformance.md"));
        foreach (var row in results)
            doc.ShouldContain(row, customMessage: $"docs/miwg-conformance.md does not record '{row}': update it from this test's output.");
    }

    /// <summary>The errors grouped by element type and message (quoted names shown as '…'), each with its first element and line.</summary>
    private static string Reasons(IReadOnlyList<ValidationError> errors) =>
        string.Join("<br>", errors
            .GroupBy(e => (e.ElementType, Message: System.Text.RegularExpressions.Regex.Replace(e.Message, "'[^']*'", "'…'")))
            .Select(g => $"{g.Count()} × `{g.Key.ElementType ?? "model"}`: {g.Key.Message} (first: `{g.First().ElementId ?? "-"}`, line {g.First().Line?.ToString() ?? "-"})"
                .Replace("|", "\\|")));

    private sealed record Outcome(IReadOnlyList<ProcessModel> Models, IReadOnlyList<ValidationError> Errors)
    {
        /// <summary>Anything but models or <see cref="DefinitionInvalidException"/> escapes and fails the test.</summary>
        public static Outcome Of(byte[] bytes)
        {
            try
            {
                return new Outcome(BpmnReader.ReadAll(bytes, AnyHandler), []);
            }
            catch (DefinitionInvalidException ex)
            {
                return new Outcome([], ex.Errors);
            }
        }
    }

    private List<string>? Files() => MiwgSet.Files(output);
}
