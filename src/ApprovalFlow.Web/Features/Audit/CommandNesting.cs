namespace ApprovalFlow.Web.Features.Audit;

/// <summary>
/// How deep the scope is in commands sent from handlers. Only the outermost command owns the transaction,
/// so only it may roll it back early to record a refusal.
/// </summary>
public sealed class CommandNesting
{
    public int Depth { get; private set; }

    public bool IsOutermost => Depth == 1;

    public void Enter() => Depth++;

    public void Leave() => Depth--;
}
