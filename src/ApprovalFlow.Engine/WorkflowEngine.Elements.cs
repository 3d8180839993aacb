using ApprovalFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Engine;

/// <summary>What the model says about one element: its kind, name and the project's extension attributes.</summary>
public sealed record ElementInfo(string Id, string? Name, string ElementType, IReadOnlyDictionary<string, string> Extensions);

public sealed partial class WorkflowEngine
{
    /// <summary>The element of the model version an instance runs on; null if the instance or element does not exist.</summary>
    public async Task<ElementInfo?> GetElementAsync(Guid instanceId, string elementId, CancellationToken ct = default)
    {
        var definitionId = await GetDefinitionIdAsync(instanceId, ct);
        if (definitionId is null) return null;
        var model = await ModelAsync(definitionId.Value, ct);
        return model.Nodes.TryGetValue(elementId, out var node)
            ? new ElementInfo(node.Id, node.Name, node.ElementType, node.Extensions)
            : null;
    }

    /// <summary>The definition version an instance runs on (one column read), or null when the instance does not exist.</summary>
    public async Task<Guid?> GetDefinitionIdAsync(Guid instanceId, CancellationToken ct = default) =>
        await db.Set<ProcessInstanceRecord>().AsNoTracking()
            .Where(i => i.Id == instanceId).Select(i => (Guid?)i.DefinitionId).FirstOrDefaultAsync(ct);

    /// <summary>Every element of a deployed definition version, e.g. to list the steps a case will have.</summary>
    public async Task<IReadOnlyList<ElementInfo>> GetElementsAsync(Guid definitionId, CancellationToken ct = default)
    {
        var model = await ModelAsync(definitionId, ct);
        return model.Nodes.Values.Select(n => new ElementInfo(n.Id, n.Name, n.ElementType, n.Extensions)).ToList();
    }

    /// <summary>The BPMN XML of a deployed version, as deployed (for the diagram).</summary>
    public async Task<string?> GetDefinitionXmlAsync(Guid definitionId, CancellationToken ct = default) =>
        await db.Set<ProcessDefinitionRecord>().AsNoTracking().Where(d => d.Id == definitionId).Select(d => d.Xml).FirstOrDefaultAsync(ct);

    private async Task<Model.ProcessModel> ModelAsync(Guid definitionId, CancellationToken ct)
    {
        if (cache.TryGet(definitionId, out var model)) return model;
        var definition = await db.Set<ProcessDefinitionRecord>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == definitionId, ct)
            ?? throw new DefinitionNotFoundException(definitionId.ToString());
        return cache.Get(definition);
    }
}
