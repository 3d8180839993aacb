namespace ApprovalFlow.Engine.Expressions;

/// <summary>
/// Thrown when a syntactically valid condition expression cannot be evaluated against the given variables.
/// </summary>
public sealed class ExpressionEvaluationException : Exception
{
    public ExpressionEvaluationException(string message)
        : base(message)
    {
    }

    public ExpressionEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
