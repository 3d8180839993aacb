namespace ApprovalFlow.Engine.Model;

/// <summary>One problem in a process model, named by element so a designer can mark it.</summary>
public sealed record ValidationError(string? ElementId, string? ElementType, int? Line, string Message)
{
    /// <summary>Longer ids and messages (a model may quote a 10 MB attribute) are cut, so a refusal stays small.</summary>
    public const int MaxIdLength = 200;

    public const int MaxMessageLength = 1000;

    public string? ElementId { get; init; } = Cut(ElementId, MaxIdLength);

    public string? ElementType { get; init; } = Cut(ElementType, MaxIdLength);

    public string Message { get; init; } = Cut(Message, MaxMessageLength)!;

    public override string ToString() =>
        $"{ElementType ?? "model"} '{ElementId ?? "-"}'{(Line is { } l ? $" (line {l})" : "")}: {Message}";

    internal static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
