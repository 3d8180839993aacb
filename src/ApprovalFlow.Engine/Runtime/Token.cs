namespace ApprovalFlow.Engine.Runtime;

/// <summary>
/// A token: where one logical thread of the instance stands. A token at a sub-process is the scope
/// of the tokens inside it (their <see cref="ScopeId"/>); a token at a join gateway remembers the flow it came by.
/// </summary>
internal sealed class Token
{
    public Guid Id { get; set; }
    public required string ElementId { get; set; }
    public Guid? ScopeId { get; set; }
    public string? ArrivedVia { get; set; }
    /// <summary>Arrival order, so a join consumes the oldest token on each flow.</summary>
    public long Seq { get; set; }
    /// <summary>Variables of this token only: a multi-instance item and loopCounter, or the nrOf* counters of its body.</summary>
    public System.Text.Json.Nodes.JsonObject? Locals { get; set; }
    /// <summary>True for the token that stands for a whole multi-instance activity (the scope of its instances).</summary>
    public bool IsMultiInstanceBody { get; set; }
    /// <summary>
    /// A token that only holds what an event sub-process's start event waits on (its timer or subscription), standing at
    /// that start event in the enclosing scope. It does not keep its scope alive: when only listeners are left, the scope ends.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsListener { get; set; }
    /// <summary>For a call activity: the child instance it waits for.</summary>
    public Guid? CalledInstanceId { get; set; }
    /// <summary>
    /// The element-instance row this token opened and has not closed yet (and the element it is for), so a transition
    /// can close it without reading the instance's open rows first. See <see cref="ExecutionState.RowsOnTokens"/>.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Guid? OpenRowId { get; set; }
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? OpenRowElementId { get; set; }
}
