namespace ApprovalFlow.Web.Features.Projects;

/// <summary>The words the API uses for kinds and lists, and their reading back.</summary>
public static class ProjectTerms
{
    private static readonly Dictionary<ProjectKind, string> Kinds = new()
    {
        [ProjectKind.GovernmentInvested] = "government-invested",
        [ProjectKind.Approved] = "approved",
        [ProjectKind.Filed] = "filed",
    };

    private static readonly Dictionary<ProjectList, string> Lists = new()
    {
        [ProjectList.Reserve] = "reserve",
        [ProjectList.PlannedNewStart] = "planned-new-start",
        [ProjectList.UnderConstruction] = "under-construction",
        [ProjectList.Completed] = "completed",
    };

    public static string Term(this ProjectKind kind) => Kinds[kind];

    public static string Term(this ProjectList list) => Lists[list];

    public static string Term(this ProjectCodeFormat format) => format switch
    {
        ProjectCodeFormat.Gbt40058 => "GB/T 40058-2021",
        _ => "legacy",
    };

    public static bool TryReadKind(string? text, out ProjectKind kind) => TryRead(Kinds, text, out kind);

    public static bool TryReadList(string? text, out ProjectList list) => TryRead(Lists, text, out list);

    public static string KindChoices => string.Join(", ", Kinds.Values);

    public static string ListChoices => string.Join(", ", Lists.Values);

    private static bool TryRead<T>(Dictionary<T, string> terms, string? text, out T value) where T : struct, Enum
    {
        var match = terms.FirstOrDefault(t => string.Equals(t.Value, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        value = match.Key;
        return match.Value is not null;
    }
}
