using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace ApprovalFlow.Engine.Expressions;

/// <summary>
/// A sandboxed Camunda 7 style condition such as <c>${amount &gt; 1000 &amp;&amp; approved}</c>.
/// Instances are immutable and can be cached and evaluated concurrently.
/// </summary>
public sealed class ConditionExpression
{
    public const int MaxLength = 4000;

    public const int MaxNestingDepth = 64;

    private readonly ExpressionNode root;

    private ConditionExpression(string text, ExpressionNode root, IReadOnlySet<string> variableNames)
    {
        Text = text;
        this.root = root;
        VariableNames = variableNames;
    }

    public string Text { get; }

    /// <summary>
    /// The root variable names the expression references, including those behind short-circuited branches.
    /// </summary>
    public IReadOnlySet<string> VariableNames { get; }

    public static ConditionExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ExpressionParser(text);
        var root = parser.Parse();
        return new ConditionExpression(text, root, parser.VariableNames.ToFrozenSet(StringComparer.Ordinal));
    }

    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out ConditionExpression? expression,
        [NotNullWhen(false)] out string? error)
    {
        try
        {
            expression = Parse(text);
            error = null;
            return true;
        }
        catch (ExpressionSyntaxException ex)
        {
            expression = null;
            error = ex.Message;
            return false;
        }
    }

    /// <returns>A <see cref="bool"/>, <see cref="decimal"/>, <see cref="string"/> or null.</returns>
    public object? Evaluate(JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        object? result;
        try
        {
            result = root.Evaluate(variables);
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw new ExpressionEvaluationException("The expression is too deeply nested to evaluate", ex);
        }

        // Containers are not results: returning them would hand out live references into the caller's variables.
        return result is null or bool or decimal or string
            ? result
            : throw new ExpressionEvaluationException(
                $"The expression evaluated to {ValueSemantics.Describe(result)}; only a boolean, number, string or null can be a result");
    }

    public bool EvaluateBoolean(JsonObject variables)
    {
        var result = Evaluate(variables);
        return result is bool boolean
            ? boolean
            : throw new ExpressionEvaluationException(
                $"The condition {Text.Trim()} evaluated to {ValueSemantics.Describe(result)}, not a boolean");
    }

    public override string ToString() => Text;
}
