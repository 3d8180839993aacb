using System.Text.Json.Nodes;
using ApprovalFlow.Engine.Expressions;

namespace ApprovalFlow.Engine.Model;

public enum TimerKind
{
    Duration,
    Date,
    /// <summary>The project's extension: n working days on the holiday calendar (af:workingDays).</summary>
    WorkingDays,
    /// <summary>An ISO 8601 repeating interval <c>R[n]/duration</c> (timeCycle): first due one interval on, then again every interval.</summary>
    Cycle,
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
            TimerKind.Cycle => IsoCycle.Parse(text).Interval.AddTo(nowUtc),
            _ => calendar.AddWorkingDays(nowUtc, WorkingDaysFor(variables)),
        };
    }

    /// <summary>A cycle's repetitions and interval, as resolved for these variables.</summary>
    public IsoCycle CycleFor(JsonObject variables) => IsoCycle.Parse(Resolve(variables));

    public int WorkingDaysFor(JsonObject variables) =>
        int.TryParse(Resolve(variables), out var days) && days >= 0
            ? days
            : throw new FormatException($"'{Resolve(variables)}' is not a whole number of working days.");

    private string Resolve(JsonObject variables) =>
        Expression is null ? Text : Convert.ToString(Expression.Evaluate(variables), System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
