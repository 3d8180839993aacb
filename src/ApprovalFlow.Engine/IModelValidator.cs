namespace ApprovalFlow.Engine;

/// <summary>
/// A host's own rules for the models it deploys (e.g. a domain's contract for the extension attributes), run by
/// <see cref="WorkflowEngine.DeployAllAsync"/> on every executable process of a file after the engine's parser accepted it,
/// and by <see cref="WorkflowEngine.ValidateAsync(string, CancellationToken)"/>. Register zero or more in DI
/// (<c>services.AddScoped&lt;IModelValidator, MyRules&gt;()</c>); they run in the caller's scope, in registration order.
/// Any problem refuses the whole file: nothing is deployed (<see cref="DefinitionInvalidException"/> with
/// <see cref="DefinitionInvalidException.RefusedByHost"/> set).
/// </summary>
public interface IModelValidator
{
    /// <summary>The problems of one process; empty when the process keeps the host's rules.</summary>
    ValueTask<IReadOnlyList<Model.ValidationError>> ValidateAsync(ModelView model, CancellationToken ct);
}

/// <summary>What a host validator sees of one parsed process: its elements (every scope, sub-processes' too) and flows.</summary>
public sealed record ModelView(string ProcessKey, string? ProcessName, IReadOnlyList<ModelElement> Elements, IReadOnlyList<ModelFlow> Flows)
{
    private Dictionary<string, ModelElement>? byId;

    /// <summary>The element with this id, or null.</summary>
    public ModelElement? Element(string id) =>
        (byId ??= Elements.ToDictionary(e => e.Id, StringComparer.Ordinal)).GetValueOrDefault(id);

    internal static ModelView Of(Model.ProcessModel model)
    {
        var flows = model.Flows.Values
            .Select(f => new ModelFlow(f.Id, f.Name, f.Source.Id, f.Target.Id, f.Condition?.Text, f.Line))
            .ToDictionary(f => f.Id, StringComparer.Ordinal);
        var elements = model.Nodes.Values
            .OrderBy(n => n.Line ?? int.MaxValue).ThenBy(n => n.Id, StringComparer.Ordinal)
            .Select(n => new ModelElement(
                n.Id, n.Name, n.ElementType, n.Line, n.Scope.Owner?.Id, n.AttachedTo?.Id, n.DefaultFlow?.Id, n.Extensions,
                n.Incoming.Select(f => flows[f.Id]).ToList(), n.Outgoing.Select(f => flows[f.Id]).ToList()))
            .ToList();
        return new ModelView(model.Key, model.Name, elements, flows.Values.OrderBy(f => f.Line ?? int.MaxValue).ToList());
    }
}

/// <summary>
/// One element of a <see cref="ModelView"/>: an event, activity or gateway, with the BPMN element name as
/// <see cref="ElementType"/> (e.g. <c>userTask</c>), the sub-process it sits in (<see cref="ParentId"/>, null at the top),
/// the activity a boundary event is attached to, and its extension attributes by local name (e.g. <c>stepCode</c>).
/// </summary>
public sealed record ModelElement(
    string Id,
    string? Name,
    string ElementType,
    int? Line,
    string? ParentId,
    string? AttachedToId,
    string? DefaultFlowId,
    IReadOnlyDictionary<string, string> Extensions,
    IReadOnlyList<ModelFlow> Incoming,
    IReadOnlyList<ModelFlow> Outgoing)
{
    /// <summary>An extension attribute's value, trimmed; null when absent or blank.</summary>
    public string? Extension(string name) =>
        Extensions.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>"name (id)", or the id alone for an element without a name: how a problem names its element.</summary>
    public string Label => string.IsNullOrWhiteSpace(Name) ? Id : $"{Name} ({Id})";
}

/// <summary>A sequence flow of a <see cref="ModelView"/>, with its condition's text as written (e.g. <c>${x == 'a'}</c>).</summary>
public sealed record ModelFlow(string Id, string? Name, string SourceId, string TargetId, string? Condition, int? Line);

/// <summary>What <see cref="WorkflowEngine.ValidateAsync(string, CancellationToken)"/> found: the parsed processes and every problem.</summary>
public sealed record ModelValidationResult(IReadOnlyList<ModelView> Processes, IReadOnlyList<Model.ValidationError> Problems, bool RefusedByHost)
{
    public bool Valid => Problems.Count == 0;
}
