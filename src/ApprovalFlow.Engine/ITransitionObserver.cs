using System.Text.Json.Nodes;

namespace ApprovalFlow.Engine;

/// <summary>
/// A host's part in every transition: called with what the transition did, after the engine wrote its rows and before
/// they commit, in the same transaction. Whatever the host writes commits with the transition; an exception rolls the
/// whole transition back (a concurrency conflict in the host surfaces as <see cref="ConcurrencyException"/>, not retried).
/// The engine's change tracker is empty when it is called, so the host reads its rows afresh. See docs/engine-semantics.md.
/// </summary>
public interface ITransitionObserver
{
    Task OnTransitionAsync(TransitionReport report, CancellationToken ct);
}

/// <summary>One thing that happened to an element in a transition, as the history records it, with the element's extension attributes.</summary>
public sealed record ElementEvent(string ElementId, string ElementType, string Event, IReadOnlyDictionary<string, string> Extensions)
{
    /// <summary>A token arrived at or went through the element (every event but the closing and withdrawing ones).</summary>
    public bool Reached => Event is "started" or "waiting" or "passed" or "reached" or "joined" or "forked" or "completed"
        or "timer-fired" or "message-received" or "signal-received" or "signal-thrown" or "migrated-into";
}

/// <summary>A task open after the transition, with its element's extension attributes.</summary>
public sealed record OpenTaskInfo(Guid TaskId, string ElementId, IReadOnlyDictionary<string, string> Extensions, IReadOnlyList<string> CandidateGroups);

/// <summary>What one transition did to one instance: its element events in order, and where the instance stands after it.</summary>
public sealed record TransitionReport(
    Guid InstanceId,
    Guid DefinitionId,
    string DefinitionKey,
    int Version,
    string? BusinessKey,
    string? Actor,
    DateTime At,
    bool Started,
    string Status,
    bool Suspended,
    IReadOnlyList<ElementEvent> Events,
    IReadOnlyList<string> InstanceEvents,
    IReadOnlyList<OpenTaskInfo> OpenTasks,
    IReadOnlyList<string> ActiveElementIds,
    JsonObject Variables)
{
    public bool Ended => Status != "running";

    /// <summary>Whether anything an observer keeps could have changed: an element or instance event (a start, a migration, an end).</summary>
    public bool MovedAnything => Started || Ended || Events.Count > 0 || InstanceEvents.Count > 0;
}
