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
}
