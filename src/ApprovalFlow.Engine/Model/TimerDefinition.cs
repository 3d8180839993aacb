using System.Text.Json.Nodes;
using ApprovalFlow.Engine.Expressions;

namespace ApprovalFlow.Engine.Model;

public enum TimerKind
{
    Duration,
    Date,
    /// <summary>The project's extension: n working days on the holiday calendar (af:workingDays).</summary>
    WorkingDays,
}

/// <summary>A timer's ISO 8601 duration or date, or an expression that yields one at run time.</summary>
public sealed class TimerDefinition(TimerKind kind, string text, ConditionExpression? expression)
{
    public TimerKind Kind { get; } = kind;
    public string Text { get; } = text;
    public ConditionExpression? Expression { get; } = expression;

    public DateTime DueAt(DateTime nowUtc, JsonObject variables, IWorkingCalendar calendar)
    {
        var text = Resolve(variables);
        return Kind switch
        {
            TimerKind.Duration => IsoDuration.Parse(text).AddTo(nowUtc),
            TimerKind.Date => IsoDate.ParseUtc(text),
            _ => calendar.AddWorkingDays(nowUtc, WorkingDaysFor(variables)),
        };
    }

    public int WorkingDaysFor(JsonObject variables) =>
        int.TryParse(Resolve(variables), out var days) && days >= 0
            ? days
            : throw new FormatException($"'{Resolve(variables)}' is not a whole number of working days.");

    private string Resolve(JsonObject variables) =>
        Expression is null ? Text : Convert.ToString(Expression.Evaluate(variables), System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
