using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ApprovalFlow.Engine.Expressions;

/// <summary>
/// Runtime values are null, bool, decimal, string, or a <see cref="JsonObject"/> / <see cref="JsonArray"/> taken from the variables.
/// </summary>
internal static class ValueSemantics
{
    // Concatenation inside a long chain could otherwise grow large variables quadratically.
    public const int MaxStringLength = 100_000;

    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject or JsonArray => node,
        JsonValue value => FromJsonValue(value),
        _ => throw new ExpressionEvaluationException($"Unsupported JSON node {node.GetType().Name}"),
    };

    public static string Describe(object? value) => value switch
    {
        null => "null",
        bool => "a boolean",
        decimal => "a number",
        string => "a string",
        JsonObject => "a JSON object",
        JsonArray => "a JSON array",
        _ => value.GetType().Name,
    };

    public static bool RequireBoolean(object? value, string symbol) => value is bool boolean
        ? boolean
        : throw new ExpressionEvaluationException(
            $"Operator '{symbol}' requires a boolean but got {Describe(value)}");

    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        _ => false,
    };

    public static bool AreEqual(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (string l, string r) => string.Equals(l, r, StringComparison.Ordinal),
        (decimal l, decimal r) => l == r,
        (bool l, bool r) => l == r,
        (JsonNode l, JsonNode r) => JsonNode.DeepEquals(l, r),
        _ => false,
    };

    public static int Compare(object? left, object? right, string symbol) => (left, right) switch
    {
        (decimal l, decimal r) => l.CompareTo(r),
        (string l, string r) => string.CompareOrdinal(l, r),
        _ => throw new ExpressionEvaluationException(
            $"Operator '{symbol}' cannot compare {Describe(left)} with {Describe(right)}"),
    };

    public static object Add(object? left, object? right, string symbol)
    {
        if (left is string l && right is string r)
        {
            if ((long)l.Length + r.Length > MaxStringLength)
            {
                throw new ExpressionEvaluationException(
                    $"Operator '{symbol}' would produce a string longer than {MaxStringLength} characters");
            }

            return string.Concat(l, r);
        }

        return Arithmetic(BinaryOperator.Add, symbol, left, right);
    }

    public static decimal Arithmetic(BinaryOperator op, string symbol, object? left, object? right)
    {
        if (left is not decimal l || right is not decimal r)
        {
            throw new ExpressionEvaluationException(
                $"Operator '{symbol}' cannot be applied to {Describe(left)} and {Describe(right)}");
        }

        try
        {
            return op switch
            {
                BinaryOperator.Add => l + r,
                BinaryOperator.Subtract => l - r,
                BinaryOperator.Multiply => l * r,
                BinaryOperator.Divide => l / r,
                BinaryOperator.Remainder => l % r,
                _ => throw new InvalidOperationException($"{op} is not an arithmetic operator."),
            };
        }
        catch (DivideByZeroException ex)
        {
            throw new ExpressionEvaluationException($"Division by zero in operator '{symbol}'", ex);
        }
        catch (OverflowException ex)
        {
            throw new ExpressionEvaluationException($"Arithmetic overflow in operator '{symbol}'", ex);
        }
    }

    public static object? GetProperty(object? target, string name) => target switch
    {
        // Like JUEL, a property of null is null, so a.b.c works when b is absent.
        null => null,
        JsonObject obj => obj.TryGetPropertyValue(name, out var child) ? FromJson(child) : null,
        _ => throw new ExpressionEvaluationException($"Cannot read property '{name}' of {Describe(target)}"),
    };

    public static object? GetIndexed(object? target, object? index)
    {
        switch (target, index)
        {
            case (null, _):
                return null;
            case (JsonObject, string name):
                return GetProperty(target, name);
            case (JsonArray array, decimal position):
                if (position != decimal.Truncate(position))
                {
                    throw new ExpressionEvaluationException($"Array index {position.ToString(CultureInfo.InvariantCulture)} is not a whole number");
                }

                return position >= 0 && position < array.Count ? FromJson(array[(int)position]) : null;
            default:
                throw new ExpressionEvaluationException($"Cannot index {Describe(target)} with {Describe(index)}");
        }
    }

    private static object? FromJsonValue(JsonValue value)
    {
        try
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.Null or JsonValueKind.Undefined:
                    return null;
                case JsonValueKind.String:
                    if (value.TryGetValue(out string? text))
                    {
                        return text;
                    }

                    // Values wrapping other CLR types (Guid, DateTime, char) only expose their JSON text.
                    using (var document = JsonDocument.Parse(value.ToJsonString()))
                    {
                        return document.RootElement.GetString();
                    }

                case JsonValueKind.Object or JsonValueKind.Array:
                    // A JsonValue can wrap a JsonElement holding a container; normalise it to a node.
                    return JsonNode.Parse(value.ToJsonString());
                case JsonValueKind.Number:
                    if (value.TryGetValue(out decimal number))
                    {
                        return number;
                    }

                    // Values created from double or float arrive here; their shortest JSON form converts exactly.
                    var raw = value.ToJsonString();
                    return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out number)
                        ? number
                        : throw new ExpressionEvaluationException($"The number {raw} is outside the supported decimal range");
                default:
                    throw new ExpressionEvaluationException($"Unsupported JSON value kind {value.GetValueKind()}");
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or JsonException or FormatException or NotSupportedException)
        {
            throw new ExpressionEvaluationException($"A variable holds a JSON value that cannot be read: {ex.Message}", ex);
        }
    }
}
