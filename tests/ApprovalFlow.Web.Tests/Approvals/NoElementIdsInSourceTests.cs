using System.Text.RegularExpressions;
using System.Xml.Linq;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Approvals;

/// <summary>
/// The model is the source (issue 12): the app reads an element's meaning from its af: attributes, so no element id of
/// a shipped model appears as a string literal in the app's code, pages or scripts.
/// </summary>
public sealed class NoElementIdsInSourceTests
{
    [Fact]
    public void No_element_id_of_a_shipped_model_is_a_literal_in_src()
    {
        var ids = ShippedModels.Keys
            .SelectMany(key => XDocument.Parse(ShippedModels.Xml(key)).Descendants().Where(e => e.Name.LocalName == "process"))
            .SelectMany(process => process.Descendants())
            .Select(e => (string?)e.Attribute("id")).OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        ids.Count.ShouldBeGreaterThan(200);

        var src = Path.Combine(ReferenceSets.RepositoryRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)
                || (f.EndsWith(".js", StringComparison.Ordinal) && f.Contains($"{Path.DirectorySeparatorChar}wwwroot{Path.DirectorySeparatorChar}js{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        files.Count.ShouldBeGreaterThan(100);

        var literal = new Regex("[\"'`]([A-Za-z][A-Za-z0-9_-]*)[\"'`]", RegexOptions.Compiled);
        var found = files
            .SelectMany(f => literal.Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(src, f), Id: m.Groups[1].Value)))
            .Where(x => ids.Contains(x.Id))
            .Select(x => $"{x.File}: \"{x.Id}\"")
            .Distinct()
            .ToList();
        found.ShouldBeEmpty();
    }
}
