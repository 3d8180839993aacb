namespace ApprovalFlow.Engine.Persistence;

public sealed class ProcessInstanceRecord
{
    public Guid Id { get; set; }
    public Guid DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public int DefinitionVersion { get; set; }
    public string? BusinessKey { get; set; }
    /// <summary>For a case started by a call activity: the calling case and the token that waits for this one.</summary>
    public Guid? ParentInstanceId { get; set; }
    public Guid? ParentTokenId { get; set; }
    public InstanceStatus Status { get; set; }
    /// <summary>The tokens, serialised; see <see cref="Runtime.ExecutionState"/>.</summary>
    public required string StateJson { get; set; }
    public required string VariablesJson { get; set; }
    /// <summary>Optimistic concurrency: every transition increments it.</summary>
    public int Revision { get; set; }
    public DateTime StartedAt { get; set; }
    public string? StartedBy { get; set; }
    /// <summary>A suspended instance refuses every transition until it is resumed; its timers wait.</summary>
    public bool IsSuspended { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? EndReason { get; set; }

    /// <summary>A new running instance of one definition version, before its first transition.</summary>
    public static ProcessInstanceRecord Start(ProcessDefinitionRecord definition, string? businessKey, DateTime startedAt, string? startedBy) => new()
    {
        Id = Guid.NewGuid(),
        DefinitionId = definition.Id,
        DefinitionKey = definition.Key,
        DefinitionVersion = definition.Version,
        BusinessKey = businessKey,
        Status = InstanceStatus.Running,
        StateJson = "",
        VariablesJson = "{}",
        StartedAt = startedAt,
        StartedBy = startedBy,
    };
}
