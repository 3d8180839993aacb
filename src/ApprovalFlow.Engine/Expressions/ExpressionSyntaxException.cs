namespace ApprovalFlow.Engine.Expressions;

/// <summary>
/// Thrown when the text of a condition expression is not valid.
/// </summary>
public sealed class ExpressionSyntaxException : Exception
{
    public ExpressionSyntaxException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    /// <summary>
    /// Zero-based index into the original expression text where the problem was detected.
    /// </summary>
    public int Position { get; }
}
