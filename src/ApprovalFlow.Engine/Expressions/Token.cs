namespace ApprovalFlow.Engine.Expressions;

/// <param name="IsWord">True for identifiers and keywords, which may both serve as property names after a dot.</param>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, object? Value = null, bool IsWord = false)
{
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the text",
        TokenKind.String => "a string literal",
        TokenKind.Number => $"the number {Text}",
        _ => $"'{Text}'",
    };
}
