using System.Globalization;
using System.Text;

namespace ApprovalFlow.Engine.Expressions;

internal sealed class ExpressionLexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["true"] = TokenKind.True,
        ["false"] = TokenKind.False,
        ["null"] = TokenKind.Null,
        ["and"] = TokenKind.And,
        ["or"] = TokenKind.Or,
        ["not"] = TokenKind.Not,
        ["empty"] = TokenKind.Empty,
        ["eq"] = TokenKind.Equal,
        ["ne"] = TokenKind.NotEqual,
        ["lt"] = TokenKind.Less,
        ["gt"] = TokenKind.Greater,
        ["le"] = TokenKind.LessOrEqual,
        ["ge"] = TokenKind.GreaterOrEqual,
        ["div"] = TokenKind.Slash,
        ["mod"] = TokenKind.Percent,
    };

    private readonly string text;
    private int position;

    public ExpressionLexer(string text, int start)
    {
        this.text = text;
        position = start;
    }

    /// <summary>
    /// Skips whitespace and returns the position of the next character (the text length at the end).
    /// </summary>
    public int SkipWhitespace()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }

    public Token Next()
    {
        SkipWhitespace();
        if (position >= text.Length)
        {
            return new Token(TokenKind.End, string.Empty, position);
        }

        var c = text[position];
        if (char.IsAsciiDigit(c))
        {
            return ReadNumber();
        }

        if (c is '\'' or '"')
        {
            return ReadString();
        }

        if (IsIdentifierStart(position))
        {
            return ReadWord();
        }

        return ReadOperator();
    }

    public static string DescribeCharacterAt(string text, int index)
    {
        if (index >= text.Length)
        {
            return "the end of the text";
        }

        // An unpaired surrogate decodes to the replacement character instead of throwing.
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _);
        return Rune.IsControl(rune) || Rune.IsWhiteSpace(rune)
            ? $"U+{rune.Value:X4}"
            : $"'{rune}'";
    }

    private Token ReadNumber()
    {
        var start = position;
        SkipDigits();
        if (position < text.Length && text[position] == '.')
        {
            position++;
            if (position >= text.Length || !char.IsAsciiDigit(text[position]))
            {
                throw new ExpressionSyntaxException(
                    $"Expected a digit after the decimal point at position {position} but found {DescribeCharacterAt(text, position)}.",
                    position);
            }

            SkipDigits();
        }

        if (position < text.Length && text[position] is 'e' or 'E')
        {
            position++;
            if (position < text.Length && text[position] is '+' or '-')
            {
                position++;
            }

            if (position >= text.Length || !char.IsAsciiDigit(text[position]))
            {
                throw new ExpressionSyntaxException(
                    $"Expected the digits of an exponent at position {position} but found {DescribeCharacterAt(text, position)}.",
                    position);
            }

            SkipDigits();
        }

        if (position < text.Length && (IsIdentifierStart(position) || text[position] == '.'))
        {
            throw new ExpressionSyntaxException(
                $"Expected an operator after the number at position {position} but found {DescribeCharacterAt(text, position)}.",
                position);
        }

        var literal = text[start..position];
        if (!decimal.TryParse(literal, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            throw new ExpressionSyntaxException(
                $"Expected a number within the decimal range at position {start} but found {literal}.",
                start);
        }

        return new Token(TokenKind.Number, literal, start, value);
    }

    private void SkipDigits()
    {
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }
    }

    private Token ReadString()
    {
        var start = position;
        var quote = text[position];
        position++;
        var value = new StringBuilder();
        while (true)
        {
            if (position >= text.Length)
            {
                throw new ExpressionSyntaxException(
                    $"Unterminated string literal starting at position {start}: expected a closing {quote} before the end of the text.",
                    start);
            }

            var c = text[position];
            if (c == quote)
            {
                position++;
                return new Token(TokenKind.String, text[start..position], start, value.ToString());
            }

            if (c != '\\')
            {
                value.Append(c);
                position++;
                continue;
            }

            if (position + 1 >= text.Length)
            {
                throw new ExpressionSyntaxException(
                    $"Unterminated string literal starting at position {start}: expected a closing {quote} before the end of the text.",
                    start);
            }

            var escape = text[position + 1];
            switch (escape)
            {
                case '\\' or '\'' or '"':
                    value.Append(escape);
                    position += 2;
                    break;
                case 'n':
                    value.Append('\n');
                    position += 2;
                    break;
                case 'r':
                    value.Append('\r');
                    position += 2;
                    break;
                case 't':
                    value.Append('\t');
                    position += 2;
                    break;
                case 'u':
                    value.Append(ReadUnicodeEscape());
                    break;
                default:
                    throw new ExpressionSyntaxException(
                        $"Expected one of the escape sequences \\\\ \\' \\\" \\n \\r \\t \\uXXXX at position {position} but found '\\{escape}'.",
                        position);
            }
        }
    }

    private char ReadUnicodeEscape()
    {
        var escapeStart = position;
        var digitsStart = position + 2;
        if (digitsStart + 4 > text.Length
            || !ushort.TryParse(text.AsSpan(digitsStart, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw new ExpressionSyntaxException(
                $"Expected four hexadecimal digits after '\\u' at position {digitsStart}.",
                escapeStart);
        }

        position = digitsStart + 4;
        return (char)code;
    }

    private Token ReadWord()
    {
        var start = position;
        position += RuneLengthAt(position);
        while (position < text.Length && IsIdentifierPart(position))
        {
            position += RuneLengthAt(position);
        }

        var word = text[start..position];
        var kind = Keywords.TryGetValue(word, out var keyword) ? keyword : TokenKind.Identifier;
        return new Token(kind, word, start, IsWord: true);
    }

    private Token ReadOperator()
    {
        var start = position;
        var c = text[position];
        var next = position + 1 < text.Length ? text[position + 1] : '\0';
        (TokenKind Kind, int Length) match = (c, next) switch
        {
            ('=', '=') => (TokenKind.Equal, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('<', '=') => (TokenKind.LessOrEqual, 2),
            ('>', '=') => (TokenKind.GreaterOrEqual, 2),
            ('&', '&') => (TokenKind.And, 2),
            ('|', '|') => (TokenKind.Or, 2),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('!', _) => (TokenKind.Not, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('%', _) => (TokenKind.Percent, 1),
            ('?', _) => (TokenKind.Question, 1),
            (':', _) => (TokenKind.Colon, 1),
            ('.', _) => (TokenKind.Dot, 1),
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            ('[', _) => (TokenKind.LeftBracket, 1),
            (']', _) => (TokenKind.RightBracket, 1),
            ('}', _) => (TokenKind.RightBrace, 1),
            ('=', _) => throw new ExpressionSyntaxException(
                $"Expected '==' at position {start} but found '=': assignment is not allowed.", start),
            ('&', _) => throw new ExpressionSyntaxException(
                $"Expected '&&' at position {start} but found a single '&'.", start),
            ('|', _) => throw new ExpressionSyntaxException(
                $"Expected '||' at position {start} but found a single '|'.", start),
            _ => throw new ExpressionSyntaxException(
                $"Expected an operand or operator at position {start} but found the unexpected character {DescribeCharacterAt(text, start)}.",
                start),
        };

        position += match.Length;
        return new Token(match.Kind, text.Substring(start, match.Length), start);
    }

    private bool IsIdentifierStart(int index)
    {
        var rune = RuneAt(index);
        return rune.Value == '_' || Rune.IsLetter(rune);
    }

    private bool IsIdentifierPart(int index)
    {
        var rune = RuneAt(index);
        if (rune.Value == '_' || Rune.IsLetterOrDigit(rune))
        {
            return true;
        }

        // Vowel signs and other combining marks are part of words in scripts such as Devanagari.
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private Rune RuneAt(int index)
    {
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _);
        return rune;
    }

    private int RuneLengthAt(int index)
    {
        Rune.DecodeFromUtf16(text.AsSpan(index), out _, out var consumed);
        return Math.Max(consumed, 1);
    }
}
