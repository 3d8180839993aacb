using System.Collections.Concurrent;
using ApprovalFlow.Engine.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Engine.Runtime;

/// <summary>What an <see cref="Execution"/> needs from its surroundings, gathered so the runtime stays free of DI.</summary>
internal sealed class EngineServices(IServiceProvider provider, IOptions<EngineOptions> options, IWorkingCalendar calendar)
{
    private static readonly ConcurrentDictionary<(ProcessModel, string, string), HashSet<string>> UpstreamCache = new();

    public EngineOptions Options { get; } = options.Value;
    public IWorkingCalendar Calendar { get; } = calendar;

    public IServiceTaskHandler? ResolveHandler(string name) => provider.GetKeyedService<IServiceTaskHandler>(name);

    public DefinitionCache Definitions => provider.GetRequiredService<DefinitionCache>();

    private IReadOnlyList<ITransitionObserver>? observers;

    /// <summary>The host's transition observers, resolved once per scope.</summary>
    public IReadOnlyList<ITransitionObserver> Observers => observers ??= provider.GetServices<ITransitionObserver>().ToList();

    /// <summary>The host's model validators, in registration order (none: every model the parser accepts deploys).</summary>
    public IEnumerable<IModelValidator> ModelValidators => provider.GetServices<IModelValidator>();

    /// <summary>Ids of the elements from which <paramref name="flow"/> can still be reached without passing <paramref name="join"/>.</summary>
    public HashSet<string> Upstream(ProcessModel model, FlowNode join, SequenceFlow flow) =>
        UpstreamCache.GetOrAdd((model, join.Id, flow.Id), _ =>
        {
            var seen = new HashSet<FlowNode>();
            var stack = new Stack<FlowNode>();
            if (flow.Source != join) stack.Push(flow.Source);
            while (stack.TryPop(out var n))
            {
                if (n == join || !seen.Add(n)) continue;
                foreach (var f in n.Incoming) stack.Push(f.Source);
                if (n.AttachedTo is not null) stack.Push(n.AttachedTo);
                if (n.Trigger == EventTrigger.Link) // a link catch is reached from its throws
                    foreach (var thrower in n.Scope.Nodes.Where(t => t.LinkTarget == n)) stack.Push(thrower);
            }
            return seen.Select(n => n.Id).ToHashSet();
        });
}
