using ApprovalFlow.Engine.Parsing;
using ApprovalFlow.Engine.Persistence;

namespace ApprovalFlow.Engine.Tests.Caching;

/// <summary>
/// Every deployment adds a parsed model to the cache; the deploy fuzzing (20,000 damaged models, thousands deployed) grew
/// the heap by ~36 KB per deployment without end. The cache keeps at most its capacity, forgetting the least recently used.
/// </summary>
public sealed class DefinitionCacheTests
{
    private const string Xml = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
          <process id="p" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="e"/><endEvent id="e"/></process>
        </definitions>
        """;

    [Fact]
    public void Past_its_capacity_the_cache_forgets_the_least_recently_used_models_and_parses_them_again_when_asked()
    {
        var cache = new DefinitionCache(new ServiceTaskRegistry([]));
        var model = BpmnReader.Read(Xml);
        var kept = Guid.NewGuid();
        cache.Add(kept, model);
        for (var i = 0; i < DefinitionCache.Capacity * 2; i++)
        {
            cache.Add(Guid.NewGuid(), model);
            if (i % 100 == 0) cache.TryGet(kept, out _).ShouldBeTrue("a model in use stays");
        }

        cache.Count.ShouldBeLessThanOrEqualTo(DefinitionCache.Capacity);
        cache.TryGet(kept, out _).ShouldBeTrue();

        var forgotten = Guid.NewGuid();
        cache.Add(forgotten, model);
        for (var i = 0; i < DefinitionCache.Capacity * 2; i++) cache.Add(Guid.NewGuid(), model);
        cache.TryGet(forgotten, out _).ShouldBeFalse();
        cache.Get(new ProcessDefinitionRecord { Id = forgotten, Key = "p", Version = 1, Xml = Xml }).Root.ShouldNotBeNull();
        cache.TryGet(forgotten, out _).ShouldBeTrue("parsed again from its row");
    }
}
