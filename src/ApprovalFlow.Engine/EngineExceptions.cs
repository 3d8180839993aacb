using ApprovalFlow.Engine.Model;

namespace ApprovalFlow.Engine;

/// <summary>A refusal by the engine; the host maps the subclasses to HTTP status codes.</summary>
public class EngineException(string message) : Exception(message);

public sealed class DefinitionInvalidException(IReadOnlyList<ValidationError> errors, bool refusedByHost = false)
    : EngineException((refusedByHost ? "The process model breaks the host's rules: " : "The process model is invalid: ")
        + $"{errors.Count} problem(s). " + string.Join(" ", errors.Take(5).Select(e => e.ToString())))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;

    /// <summary>Whether a host validator (<see cref="IModelValidator"/>) refused the model, which the engine's parser accepted.</summary>
    public bool RefusedByHost { get; } = refusedByHost;
}

public sealed class DefinitionNotFoundException(string key)
    : EngineException($"No process definition with key '{key}' is deployed.");

public sealed class InstanceNotFoundException(Guid id)
    : EngineException($"Process instance {id} does not exist.");

public sealed class TaskNotFoundException(Guid id)
    : EngineException($"Task {id} does not exist.");

public sealed class TaskNotOpenException(Guid id, string state)
    : EngineException($"Task {id} is no longer open (it is {state}).");

public sealed class TaskClaimedException(Guid id, string assignee)
    : EngineException($"Task {id} is already claimed by {assignee}.");

public sealed class MessageNotCorrelatedException(string name)
    : EngineException($"No waiting event matches message '{name}'.");

public sealed class MessageAmbiguousException(string name, int count)
    : EngineException($"Message '{name}' matches {count} waiting events; name the instance id to choose one.");

public sealed class ConcurrencyException(string message) : EngineException(message);

/// <summary>The model cannot go on from here with the data it has (e.g. no outgoing flow's condition holds).</summary>
public sealed class ExecutionException(string elementId, string message)
    : EngineException($"At '{elementId}': {message}")
{
    public string ElementId { get; } = elementId;
}

public sealed class InstanceNotRunningException(Guid id, string state)
    : EngineException($"Process instance {id} is {state}; it cannot be changed.");

public sealed class ElementNotActiveException(string elementId, string message) : EngineException(message)
{
    public string ElementId { get; } = elementId;
}

public sealed class TaskDelegatedException(Guid id, string delegateUser)
    : EngineException($"Task {id} is delegated to {delegateUser}; the delegate must resolve it before it can be completed.");

public sealed class IncidentNotFoundException(Guid id) : EngineException($"Incident {id} does not exist.");

public sealed class IncidentClosedException(Guid id) : EngineException($"Incident {id} is already resolved.");
