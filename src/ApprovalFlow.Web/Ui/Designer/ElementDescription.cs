namespace ApprovalFlow.Web.Ui.Designer;

/// <summary>
/// The selected diagram element as wwwroot/js/bpmn-designer.js describes it: its kind, the af: attributes that apply to
/// it (<see cref="Fields"/>), their current values, and assignment attributes still written in another vendor's namespace.
/// </summary>
public sealed record ElementDescription(
    string Id,
    string Type,
    string? Name,
    IReadOnlyList<string> Fields,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyDictionary<string, string> Inherited)
{
    public string? Value(string field) => Attributes.TryGetValue(field, out var value) ? value : null;

    public bool Flag(string field) => Value(field) == "true";
}
