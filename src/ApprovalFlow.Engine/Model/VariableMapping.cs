namespace ApprovalFlow.Engine.Model;

/// <summary>A call activity's variable passing (camunda:in / camunda:out): one variable, or all of them.</summary>
public sealed record VariableMapping(string? Source, string? Target, bool All);
