using System.Collections.Concurrent;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Parsing;
using ApprovalFlow.Engine.Persistence;

namespace ApprovalFlow.Engine;

/// <summary>Parsed models by definition id. A deployed version never changes, so entries never go stale.</summary>
public sealed class DefinitionCache(ServiceTaskRegistry handlers)
{
    private readonly ConcurrentDictionary<Guid, ProcessModel> models = new();

    public ProcessModel Get(ProcessDefinitionRecord definition) =>
        // Stored decoded (its declared encoding no longer applies); a file of several pools is read for this definition's process.
        models.GetOrAdd(definition.Id, _ => BpmnReader.Read(definition.Xml, handlers.Contains, definition.Key));

    /// <summary>A model already parsed, so a transition need not read the definition row (with its XML) again.</summary>
    public bool TryGet(Guid definitionId, out ProcessModel model) => models.TryGetValue(definitionId, out model!);

    internal void Add(Guid id, ProcessModel model) => models[id] = model;
}
