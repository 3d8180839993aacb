using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ApprovalFlow.Engine.Expressions;

/// <summary>
/// Text with embedded <c>${...}</c> expressions, such as a task name <c>Review ${loopCounter + 1} of ${nrOfInstances}</c>:
/// each expression is evaluated over the variables and written in its place. Text without <c>${</c> stays as it is.
/// </summary>
public sealed class TextTemplate
{
    private readonly List<object> parts; // string literals and expressions, in order

    private TextTemplate(List<object> parts) => this.parts = parts;

    public static bool HasExpressions(string? text) => text is not null && text.Contains("${", StringComparison.Ordinal);

    /// <summary>Splits the text into literals and expressions; false with the reason when an expression does not parse or is not closed.</summary>
    public static bool TryParse(string text, out TextTemplate? template, out string? error)
    {
        var parts = new List<object>();
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf("${", at, StringComparison.Ordinal);
            if (open < 0) { parts.Add(text[at..]); break; }
            if (open > at) parts.Add(text[at..open]);
            var close = ClosingBrace(text, open + 2);
            if (close < 0)
            {
                (template, error) = (null, $"the expression at position {open} is not closed with '}}'");
                return false;
            }
            if (!ConditionExpression.TryParse(text[open..(close + 1)], out var expression, out var why))
            {
                (template, error) = (null, why);
                return false;
            }
            parts.Add(expression);
            at = close + 1;
        }
        (template, error) = (new TextTemplate(parts), null);
        return true;
    }

    public string Render(JsonObject variables)
    {
        var result = new StringBuilder();
        foreach (var part in parts)
        {
            if (part is string literal) { result.Append(literal); continue; }
            var value = ((ConditionExpression)part).Evaluate(variables);
            result.Append(value switch
            {
                null => "",
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            });
        }
        return result.ToString();
    }

    /// <summary>The '}' that closes an expression starting at <paramref name="from"/>, skipping quoted strings.</summary>
    private static int ClosingBrace(string text, int from)
    {
        char? quote = null;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == '\\') i++;
                else if (c == q) quote = null;
            }
            else if (c is '\'' or '"') quote = c;
            else if (c == '}') return i;
        }
        return -1;
    }
}
