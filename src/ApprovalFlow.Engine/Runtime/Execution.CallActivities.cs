using System.Text.Json.Nodes;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Engine.Runtime;

internal sealed partial class Execution
{
    /// <summary>Called cases whose calling token went away (cancel, interrupt, send back): the engine cancels them in the same transaction.</summary>
    public List<Guid> CalledInstancesToCancel { get; } = [];

    private async Task StartCalledInstanceAsync(Token token, FlowNode node, CancellationToken ct)
    {
        var definition = await db.Set<ProcessDefinitionRecord>().AsNoTracking()
            .Where(d => d.Key == node.CalledElement).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct)
            ?? throw new ExecutionException(node.Id, $"The call activity calls '{node.CalledElement}', which is not deployed.");
        var calledModel = services.Definitions.Get(definition);
        var child = ProcessInstanceRecord.Start(definition, instance.BusinessKey, now, actor);
        child.ParentInstanceId = instance.Id;
        child.ParentTokenId = token.Id;
        db.Add(child);
        token.CalledInstanceId = child.Id;
        var childExecution = new Execution(calledModel, child, db, services, now, actor, [], [], []);
        childExecution.MergeVariables(Map(node.Inputs, ScopeVariables(token)));
        await childExecution.StartAsync(ct);
        childExecution.Flush();
        NewTimers.AddRange(childExecution.NewTimers);
        // What the called case threw or sent in its first run goes out with this transition, once it has committed.
        childExecution.SealThrownSignals();
        ThrownSignals.AddRange(childExecution.ThrownSignals);
        OutgoingMessages.AddRange(childExecution.OutgoingMessages);
        History(node, token, "called", null, $"{definition.Key} v{definition.Version} as {child.Id}");

        // A called process without wait states is over at once.
        if (child.Status == InstanceStatus.Completed || (child.Status == InstanceStatus.Terminated && childExecution.UncaughtErrorCode is null))
            ReturnFromCall(token, node, childExecution.Variables);
        else if (childExecution.UncaughtErrorCode is { } code)
        {
            token.CalledInstanceId = null;
            MergeVariables(Map(node.Outputs, childExecution.Variables));
            ThrowError(token, code.Length == 0 ? null : code, node.Id);
        }
    }

    /// <summary>The called case ended: its output variables come back and the call activity's token moves on.</summary>
    public async Task ResumeFromCalledInstanceAsync(Guid tokenId, JsonObject calledVariables, CancellationToken ct)
    {
        var token = state.Tokens.FirstOrDefault(t => t.Id == tokenId)
            ?? throw new ExecutionException(model.Key, "The call activity that waited for the called case is gone.");
        ReturnFromCall(token, model.Node(token.ElementId), calledVariables);
        await RunAsync(ct);
    }

    private void ReturnFromCall(Token token, FlowNode node, JsonObject calledVariables)
    {
        token.CalledInstanceId = null;
        MergeVariables(Map(node.Outputs, calledVariables));
        ReleaseWaits(token);
        History(node, token, "completed", null, null);
        Leave(token, node);
    }

    private static JsonObject Map(IReadOnlyList<VariableMapping> mappings, JsonObject from)
    {
        var result = new JsonObject();
        foreach (var m in mappings)
        {
            if (m.All)
                foreach (var (name, value) in from) result[name] = value?.DeepClone();
            else if (m.Source is not null && from.TryGetPropertyValue(m.Source, out var value))
                result[m.Target ?? m.Source] = value?.DeepClone();
        }
        return result;
    }
}
