namespace ApprovalFlow.Engine.Expressions;

/// <summary>
/// Recursive-descent parser following JUEL precedence, lowest first:
/// ?: , || or , &amp;&amp; and , == != eq ne , &lt; &gt; &lt;= &gt;= lt gt le ge , + - , * / % div mod , unary ! not - empty , . [] .
/// </summary>
internal sealed class ExpressionParser
{
    private readonly string text;
    private readonly HashSet<string> variableNames = new(StringComparer.Ordinal);
    private ExpressionLexer lexer;
    private Token current;
    private int depth;

    public ExpressionParser(string text)
    {
        this.text = text;
        lexer = new ExpressionLexer(text, 0);
    }

    public IReadOnlySet<string> VariableNames => variableNames;

    public ExpressionNode Parse()
    {
        if (text.Length > ConditionExpression.MaxLength)
        {
            throw new ExpressionSyntaxException(
                $"Expected at most {ConditionExpression.MaxLength} characters but the expression has {text.Length}; the limit is exceeded at position {ConditionExpression.MaxLength}.",
                ConditionExpression.MaxLength);
        }

        var open = lexer.SkipWhitespace();
        if (open + 1 >= text.Length || text[open] is not ('$' or '#') || text[open + 1] != '{')
        {
            throw new ExpressionSyntaxException(
                $"Expected '${{' or '#{{' at position {open} but found {ExpressionLexer.DescribeCharacterAt(text, open)}.",
                open);
        }

        lexer = new ExpressionLexer(text, open + 2);
        Advance();
        if (current.Kind == TokenKind.RightBrace)
        {
            throw new ExpressionSyntaxException(
                $"Expected an expression at position {current.Position} but the expression is empty.",
                current.Position);
        }

        var root = ParseConditional();
        if (current.Kind == TokenKind.RightParen)
        {
            throw new ExpressionSyntaxException(
                $"Expected an operator or '}}' at position {current.Position} but found ')' without a matching '('.",
                current.Position);
        }

        if (current.Kind != TokenKind.RightBrace)
        {
            throw Expected("an operator or the closing '}'");
        }

        // The closing brace was the last token read, so the lexer sits right after it.
        var trailing = lexer.SkipWhitespace();
        if (trailing < text.Length)
        {
            throw new ExpressionSyntaxException(
                $"Expected the end of the text after the closing '}}' at position {trailing} but found {ExpressionLexer.DescribeCharacterAt(text, trailing)}.",
                trailing);
        }

        return root;
    }

    private ExpressionNode ParseConditional()
    {
        var condition = ParseOr();
        if (current.Kind != TokenKind.Question)
        {
            return condition;
        }

        var question = current;
        Advance();
        Enter(question.Position);
        var whenTrue = ParseConditional();
        if (current.Kind != TokenKind.Colon)
        {
            throw Expected($"':' for the '?' at position {question.Position}");
        }

        Advance();
        var whenFalse = ParseConditional();
        Exit();
        return new ConditionalNode(condition, whenTrue, whenFalse);
    }

    private ExpressionNode ParseOr() => ParseLeftAssociative(
        ParseAnd,
        kind => kind == TokenKind.Or ? BinaryOperator.Or : null);

    private ExpressionNode ParseAnd() => ParseLeftAssociative(
        ParseEquality,
        kind => kind == TokenKind.And ? BinaryOperator.And : null);

    private ExpressionNode ParseEquality() => ParseLeftAssociative(
        ParseRelational,
        kind => kind switch
        {
            TokenKind.Equal => BinaryOperator.Equal,
            TokenKind.NotEqual => BinaryOperator.NotEqual,
            _ => null,
        });

    private ExpressionNode ParseRelational() => ParseLeftAssociative(
        ParseAdditive,
        kind => kind switch
        {
            TokenKind.Less => BinaryOperator.Less,
            TokenKind.Greater => BinaryOperator.Greater,
            TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
            TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
            _ => null,
        });

    private ExpressionNode ParseAdditive() => ParseLeftAssociative(
        ParseMultiplicative,
        kind => kind switch
        {
            TokenKind.Plus => BinaryOperator.Add,
            TokenKind.Minus => BinaryOperator.Subtract,
            _ => null,
        });

    private ExpressionNode ParseMultiplicative() => ParseLeftAssociative(
        ParseUnary,
        kind => kind switch
        {
            TokenKind.Star => BinaryOperator.Multiply,
            TokenKind.Slash => BinaryOperator.Divide,
            TokenKind.Percent => BinaryOperator.Remainder,
            _ => null,
        });

    private ExpressionNode ParseLeftAssociative(Func<ExpressionNode> parseOperand, Func<TokenKind, BinaryOperator?> operatorFor)
    {
        var left = parseOperand();
        while (operatorFor(current.Kind) is { } op)
        {
            var symbol = current.Text;
            Advance();
            left = new BinaryNode(op, symbol, left, parseOperand());
        }

        return left;
    }

    private ExpressionNode ParseUnary()
    {
        UnaryOperator? op = current.Kind switch
        {
            TokenKind.Not => UnaryOperator.Not,
            TokenKind.Minus => UnaryOperator.Negate,
            TokenKind.Empty => UnaryOperator.Empty,
            _ => null,
        };
        if (op is null)
        {
            return ParsePostfix();
        }

        var token = current;
        Advance();
        Enter(token.Position);
        var operand = ParseUnary();
        Exit();
        return new UnaryNode(op.Value, token.Text, operand);
    }

    private ExpressionNode ParsePostfix()
    {
        var node = ParsePrimary();
        while (true)
        {
            switch (current.Kind)
            {
                case TokenKind.Dot:
                    Advance();
                    if (!current.IsWord)
                    {
                        throw Expected("a property name after '.'");
                    }

                    node = new MemberNode(node, current.Text);
                    Advance();
                    break;
                case TokenKind.LeftBracket:
                    var open = current;
                    Advance();
                    Enter(open.Position);
                    var index = ParseConditional();
                    if (current.Kind != TokenKind.RightBracket)
                    {
                        throw Expected($"']' to close the '[' at position {open.Position}");
                    }

                    Advance();
                    Exit();
                    node = new IndexNode(node, index);
                    break;
                case TokenKind.LeftParen:
                    // Calls are the door to reflection (x.getClass()...), so the language has none at all.
                    throw new ExpressionSyntaxException(
                        $"Expected an operator at position {current.Position} but found '(': method calls are not allowed.",
                        current.Position);
                default:
                    return node;
            }
        }
    }

    private ExpressionNode ParsePrimary()
    {
        var token = current;
        switch (token.Kind)
        {
            case TokenKind.Number:
            case TokenKind.String:
                Advance();
                return new LiteralNode(token.Value);
            case TokenKind.True:
                Advance();
                return new LiteralNode(true);
            case TokenKind.False:
                Advance();
                return new LiteralNode(false);
            case TokenKind.Null:
                Advance();
                return new LiteralNode(null);
            case TokenKind.Identifier:
                Advance();
                variableNames.Add(token.Text);
                return new VariableNode(token.Text);
            case TokenKind.LeftParen:
                Advance();
                Enter(token.Position);
                var inner = ParseConditional();
                if (current.Kind != TokenKind.RightParen)
                {
                    throw Expected($"')' to close the '(' at position {token.Position}");
                }

                Advance();
                Exit();
                return inner;
            default:
                throw Expected("an expression");
        }
    }

    private void Advance() => current = lexer.Next();

    private void Enter(int position)
    {
        depth++;
        if (depth > ConditionExpression.MaxNestingDepth)
        {
            throw new ExpressionSyntaxException(
                $"Expected at most {ConditionExpression.MaxNestingDepth} levels of nesting but the expression nests deeper at position {position}.",
                position);
        }
    }

    private void Exit() => depth--;

    private ExpressionSyntaxException Expected(string what) =>
        new($"Expected {what} at position {current.Position} but found {current.Describe()}.", current.Position);
}
