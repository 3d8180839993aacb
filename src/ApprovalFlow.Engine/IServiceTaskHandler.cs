using System.Text.Json.Nodes;

namespace ApprovalFlow.Engine;

/// <summary>C# code behind a service task, found by the name the model gives (af:handler or camunda:delegateExpression).</summary>
public interface IServiceTaskHandler
{
    ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken);
}

/// <summary>What a handler sees: the instance, the element and the variables, which it may change.</summary>
public sealed record ServiceTaskContext(
    Guid InstanceId,
    string? BusinessKey,
    string ElementId,
    JsonObject Variables,
    IReadOnlyDictionary<string, string> Extensions);
