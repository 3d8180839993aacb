namespace ApprovalFlow.Engine.Persistence;

/// <summary>One deployed version of a process; immutable once stored.</summary>
public sealed class ProcessDefinitionRecord
{
    public Guid Id { get; set; }
    public required string Key { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public required string Xml { get; set; }
    public DateTime DeployedAt { get; set; }
    public string? DeployedBy { get; set; }
    /// <summary>Names of the messages that start this version, stored as ",a,b," for a LIKE-free lookup; null if none.</summary>
    public string? MessageStartNames { get; set; }
}
