using System.Text.Json.Nodes;
using ApprovalFlow.Engine.Expressions;

namespace ApprovalFlow.Engine.Model;

/// <summary>Who a user task goes to: an assignee and candidate groups, each literal or a <c>${...}</c> expression.</summary>
public sealed class TaskAssignment(string? assignee, string? candidateGroups, string? candidateUsers = null)
{
    public static TaskAssignment None { get; } = new(null, null);

    public string? Assignee { get; } = assignee;
    public string? CandidateGroups { get; } = candidateGroups;
    public string? CandidateUsers { get; } = candidateUsers;

    public IReadOnlyList<string> ResolveCandidateUsers(JsonObject variables) =>
        (Resolve(CandidateUsers, variables) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string? ResolveAssignee(JsonObject variables) => Resolve(Assignee, variables);

    public IReadOnlyList<string> ResolveCandidateGroups(JsonObject variables) =>
        (Resolve(CandidateGroups, variables) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static bool IsExpression(string? text) => text is not null && text.TrimStart().StartsWith("${", StringComparison.Ordinal);

    private static string? Resolve(string? text, JsonObject variables)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!IsExpression(text)) return text.Trim();
        var value = ConditionExpression.Parse(text).Evaluate(variables);
        return value switch
        {
            null => null,
            string s => s,
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
