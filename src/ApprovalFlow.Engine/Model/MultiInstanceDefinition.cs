using System.Text.Json.Nodes;
using ApprovalFlow.Engine.Expressions;

namespace ApprovalFlow.Engine.Model;

/// <summary>
/// A user task run once per item of a collection (or a fixed number of times), in parallel or one after
/// another, ending early when the completion condition holds: joint review by several departments.
/// </summary>
public sealed class MultiInstanceDefinition
{
    public bool IsSequential { get; init; }
    /// <summary>A variable name or dotted path holding a JSON array (a surrounding ${...} is accepted and removed).</summary>
    public string? Collection { get; init; }
    public string? ElementVariable { get; init; }
    public ConditionExpression? Cardinality { get; init; }
    public ConditionExpression? CompletionCondition { get; init; }

    public JsonArray Items(JsonObject variables, string elementId)
    {
        if (Collection is not null)
        {
            JsonNode? value = variables;
            foreach (var part in Collection.Split('.'))
                value = value is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
            return value switch
            {
                JsonArray array => array,
                null => throw new ExecutionException(elementId, $"The multi-instance collection '{Collection}' is not set."),
                _ => throw new ExecutionException(elementId, $"The multi-instance collection '{Collection}' is not a list."),
            };
        }
        object? raw;
        try
        {
            raw = Cardinality!.Evaluate(variables);
        }
        catch (ExpressionEvaluationException ex)
        {
            throw new ExecutionException(elementId, $"loopCardinality cannot be evaluated: {ex.Message}");
        }
        var count = raw is decimal d && d >= 0 && d == Math.Floor(d) && d <= 10_000
            ? (int)d
            : throw new ExecutionException(elementId, $"loopCardinality gave {raw ?? "null"}, not a whole number from 0 to 10,000.");
        var items = new JsonArray();
        for (var i = 0; i < count; i++) items.Add(i);
        return items;
    }
}
