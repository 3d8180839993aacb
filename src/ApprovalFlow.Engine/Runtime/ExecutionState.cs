using System.Text.Json;

namespace ApprovalFlow.Engine.Runtime;

/// <summary>The tokens of one instance, stored as JSON on the instance row.</summary>
internal sealed class ExecutionState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public List<Token> Tokens { get; set; } = [];
    public long NextSeq { get; set; }

    /// <summary>
    /// True when every open element-instance row of the instance is named by the token that opened it
    /// (<see cref="Token.OpenRowId"/>), so a transition need not read the open rows. Instances started before tokens
    /// carried their rows, and instances where a token opened a second row, keep it false and read the rows.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool RowsOnTokens { get; set; }

    /// <summary>A new instance's state (no JSON yet) tracks its open rows on its tokens from the start.</summary>
    public static ExecutionState FromJson(string json) =>
        string.IsNullOrWhiteSpace(json) ? new() { RowsOnTokens = true } : JsonSerializer.Deserialize<ExecutionState>(json, Json) ?? new();

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
