namespace ApprovalFlow.Engine.Model;

/// <summary>One problem in a process model, named by element so a designer can mark it.</summary>
public sealed record ValidationError(string? ElementId, string? ElementType, int? Line, string Message)
{
    public override string ToString() =>
        $"{ElementType ?? "model"} '{ElementId ?? "-"}'{(Line is { } l ? $" (line {l})" : "")}: {Message}";
}
