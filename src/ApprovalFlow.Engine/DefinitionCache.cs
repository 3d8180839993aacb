using System.Collections.Concurrent;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Parsing;
using ApprovalFlow.Engine.Persistence;

namespace ApprovalFlow.Engine;

/// <summary>
/// Parsed models by definition id. A deployed version never changes, so entries never go stale; but every deployment adds
/// one (tens of kilobytes), so the cache keeps at most <see cref="Capacity"/> models and, past it, forgets the least
/// recently used ones — a forgotten model is parsed again from its row the next time it is asked for. Callers that found
/// a model with <see cref="TryGet"/> use that model, never a later lookup that an eviction could have emptied.
/// </summary>
public sealed class DefinitionCache(ServiceTaskRegistry handlers)
{
    /// <summary>Models kept; a deployment-heavy run (the deploy fuzzing) stays within a few tens of megabytes.</summary>
    public const int Capacity = 1_000;

    private sealed class Entry(ProcessModel model)
    {
        public ProcessModel Model { get; } = model;
        public long LastUsed;
    }

    private readonly ConcurrentDictionary<Guid, Entry> models = new();
    private long clock;
    private int trimming;

    public int Count => models.Count;

    public ProcessModel Get(ProcessDefinitionRecord definition)
    {
        if (models.TryGetValue(definition.Id, out var found)) return Touch(found);
        // Stored decoded (its declared encoding no longer applies); a file of several pools is read for this definition's process.
        var entry = models.GetOrAdd(definition.Id, _ => new Entry(BpmnReader.Read(definition.Xml, handlers.Contains, definition.Key)));
        Trim();
        return Touch(entry);
    }

    /// <summary>A model already parsed, so a transition need not read the definition row (with its XML) again.</summary>
    public bool TryGet(Guid definitionId, out ProcessModel model)
    {
        if (models.TryGetValue(definitionId, out var entry))
        {
            model = Touch(entry);
            return true;
        }
        model = null!;
        return false;
    }

    internal void Add(Guid id, ProcessModel model)
    {
        Touch(models[id] = new Entry(model));
        Trim();
    }

    private ProcessModel Touch(Entry entry)
    {
        entry.LastUsed = Interlocked.Increment(ref clock);
        return entry.Model;
    }

    /// <summary>Past the capacity, one caller at a time forgets the least recently used tenth.</summary>
    private void Trim()
    {
        if (models.Count <= Capacity || Interlocked.Exchange(ref trimming, 1) == 1) return;
        try
        {
            var excess = models.Count - Capacity + Capacity / 10;
            foreach (var (id, _) in models.OrderBy(m => m.Value.LastUsed).Take(excess).ToList()) models.TryRemove(id, out _);
        }
        finally
        {
            Volatile.Write(ref trimming, 0);
        }
    }
}
