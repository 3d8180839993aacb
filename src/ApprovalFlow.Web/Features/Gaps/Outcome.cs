namespace ApprovalFlow.Web.Features.Gaps;

/// <summary>
/// The result of a command that may be refused by a business rule before it writes anything: either a value or a
/// <see cref="Refusal"/> (the audit log reads the refusal's <c>Detail</c>). A caller that cannot go on without the
/// value throws <see cref="Refusal.ToException"/>, so its own transaction rolls back.
/// </summary>
public sealed record Outcome<T>(T? Value, Refusal? Refusal) where T : class
{
    public bool Succeeded => Refusal is null;

    public static Outcome<T> Success(T value) => new(value, null);

    public static Outcome<T> Refused(Refusal refusal) => new(null, refusal);

    /// <summary>The value, or the refusal thrown as a <see cref="Projects.RefusedException"/>.</summary>
    public T ValueOrThrow() => Refusal is { } refusal ? throw refusal.ToException() : Value!;
}
