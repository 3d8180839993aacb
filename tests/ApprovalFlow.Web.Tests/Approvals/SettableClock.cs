namespace ApprovalFlow.Web.Tests.Approvals;

/// <summary>A clock the test moves, so that a step's clock can stand still over real working days.</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
