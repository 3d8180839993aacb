using System.Text.Json.Nodes;
using ApprovalFlow.Engine;

namespace ApprovalFlow.Web.Features.Instances;

public sealed record InstanceResponse(
    Guid Id,
    string DefinitionKey,
    int Version,
    string? BusinessKey,
    string Status,
    bool Suspended,
    string? EndReason,
    IReadOnlyList<string> ActiveElementIds,
    JsonObject Variables)
{
    public static InstanceResponse From(InstanceSnapshot s) =>
        new(s.Id, s.DefinitionKey, s.Version, s.BusinessKey, s.Status, s.Suspended, s.EndReason, s.ActiveElementIds, s.Variables);
}
