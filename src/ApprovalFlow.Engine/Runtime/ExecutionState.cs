using System.Text.Json;

namespace ApprovalFlow.Engine.Runtime;

/// <summary>The tokens of one instance, stored as JSON on the instance row.</summary>
internal sealed class ExecutionState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public List<Token> Tokens { get; set; } = [];
    public long NextSeq { get; set; }

    public static ExecutionState FromJson(string json) =>
        string.IsNullOrWhiteSpace(json) ? new() : JsonSerializer.Deserialize<ExecutionState>(json, Json) ?? new();

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
