using System.Text.Json.Nodes;
using ApprovalFlow.Engine.Expressions;

namespace ApprovalFlow.Engine.Model;

public enum TimerKind
{
    Duration,
    Date,
}

/// <summary>A timer's ISO 8601 duration or date, or an expression that yields one at run time.</summary>
public sealed class TimerDefinition(TimerKind kind, string text, ConditionExpression? expression)
{
    public TimerKind Kind { get; } = kind;
    public string Text { get; } = text;
    public ConditionExpression? Expression { get; } = expression;

    public DateTime DueAt(DateTime nowUtc, JsonObject variables)
    {
        var text = Expression is null ? Text : Convert.ToString(Expression.Evaluate(variables), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return Kind == TimerKind.Duration
            ? IsoDuration.Parse(text).AddTo(nowUtc)
            : IsoDate.ParseUtc(text);
    }
}
