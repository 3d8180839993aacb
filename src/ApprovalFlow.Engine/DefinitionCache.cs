using System.Collections.Concurrent;
using System.Text;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Parsing;
using ApprovalFlow.Engine.Persistence;

namespace ApprovalFlow.Engine;

/// <summary>Parsed models by definition id. A deployed version never changes, so entries never go stale.</summary>
public sealed class DefinitionCache(ServiceTaskRegistry handlers)
{
    private readonly ConcurrentDictionary<Guid, ProcessModel> models = new();

    public ProcessModel Get(ProcessDefinitionRecord definition) =>
        models.GetOrAdd(definition.Id, _ => BpmnReader.Read(Encoding.UTF8.GetBytes(definition.Xml), handlers.Contains));

    internal void Add(Guid id, ProcessModel model) => models[id] = model;
}
