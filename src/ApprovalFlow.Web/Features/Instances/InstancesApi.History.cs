using ApprovalFlow.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Instances;

public sealed record ElementVisitResponse(
    string ElementId, string ElementType, DateTime StartedAt, DateTime? EndedAt, string? Outcome, string? Actor)
{
    public static ElementVisitResponse From(ElementVisit v) =>
        new(v.ElementId, v.ElementType, v.StartedAt.AsUtc(), v.EndedAt.AsUtc(), v.Outcome, v.Actor);
}

public sealed record AuditEntryResponse(
    long Id, string? ElementId, string? ElementType, string Event, string? Actor, string? Detail, DateTime At)
{
    public static AuditEntryResponse From(HistoryEntry h) =>
        new(h.Id, h.ElementId, h.ElementType, h.Event, h.Actor, h.Detail, h.At.AsUtc());
}

public static partial class InstancesApi
{
    public static async Task<Results<Ok<ElementVisitResponse[]>, ProblemHttpResult>> GetElementHistoryAsync(
        Guid id, WorkflowEngine engine, CancellationToken ct)
    {
        if (await engine.GetInstanceAsync(id, ct) is null)
        {
            return NotFound(id);
        }
        var visits = await engine.GetElementHistoryAsync(id, ct);
        return TypedResults.Ok(visits.Select(ElementVisitResponse.From).ToArray());
    }

    public static async Task<Results<Ok<AuditEntryResponse[]>, ProblemHttpResult>> GetAuditAsync(
        Guid id, WorkflowEngine engine, CancellationToken ct)
    {
        if (await engine.GetInstanceAsync(id, ct) is null)
        {
            return NotFound(id);
        }
        var entries = await engine.GetHistoryAsync(id, ct);
        return TypedResults.Ok(entries.Select(AuditEntryResponse.From).ToArray());
    }
}
