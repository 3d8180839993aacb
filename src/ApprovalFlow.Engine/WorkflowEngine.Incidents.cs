using ApprovalFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Engine;

public sealed record Incident(Guid Id, Guid InstanceId, string ElementId, string Message, int Attempts, string Status,
    DateTime CreatedAt, DateTime? ResolvedAt, string? ResolvedBy, string? Resolution);

public sealed partial class WorkflowEngine
{
    public async Task<IReadOnlyList<Incident>> ListIncidentsAsync(Guid? instanceId = null, bool openOnly = true, CancellationToken ct = default)
    {
        var query = db.Set<IncidentRecord>().AsNoTracking();
        if (instanceId is { } id) query = query.Where(i => i.InstanceId == id);
        if (openOnly) query = query.Where(i => i.Status == IncidentStatus.Open);
        var rows = await query.OrderBy(i => i.CreatedAt).Take(1000).ToListAsync(ct);
        return rows.Select(ToIncident).ToList();
    }

    /// <summary>Runs the failed service task again now. Success closes the incident; failure keeps it open with the new error.</summary>
    public async Task<Incident> RetryIncidentAsync(Guid incidentId, string actor, CancellationToken ct = default)
    {
        var instanceId = await InstanceOfIncidentAsync(incidentId, ct);
        return await TransitionAsync(instanceId, actor, ct, async (tx, ctk) =>
        {
            var incident = await OpenIncidentAsync(incidentId, ctk);
            // The last attempt number past the retries, so a failure records a fresh incident and no new retry.
            var ok = await tx.Execution.RetryServiceTaskAsync(incident.TokenId, incident.ElementId, services.Options.ServiceTaskRetryDelays.Length + 1, ctk);
            incident.Attempts++;
            if (ok) Close(incident, actor, "retried successfully");
            else
            {
                // The retry opened a new incident with the new error; fold it into this one.
                var fresh = tx.Execution.NewIncidents.Single();
                db.Remove(fresh);
                incident.Message = fresh.Message;
                incident.Details = fresh.Details;
            }
            return ToIncident(incident);
        });
    }

    /// <summary>The work was done by hand: close the incident and let the case go on past the service task.</summary>
    public async Task<Incident> ResolveIncidentAsync(Guid incidentId, string note, string actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(note)) throw new EngineException("Resolving an incident by hand needs a note saying what was done.");
        var instanceId = await InstanceOfIncidentAsync(incidentId, ct);
        return await TransitionAsync(instanceId, actor, ct, async (tx, ctk) =>
        {
            var incident = await OpenIncidentAsync(incidentId, ctk);
            Close(incident, actor, note.Trim());
            await tx.Execution.SkipServiceTaskAsync(incident.TokenId, incident.ElementId, note.Trim(), ctk);
            return ToIncident(incident);
        });
    }

    private async Task<Guid> InstanceOfIncidentAsync(Guid incidentId, CancellationToken ct) =>
        await db.Set<IncidentRecord>().AsNoTracking().Where(i => i.Id == incidentId).Select(i => (Guid?)i.InstanceId).FirstOrDefaultAsync(ct)
        ?? throw new IncidentNotFoundException(incidentId);

    private async Task<IncidentRecord> OpenIncidentAsync(Guid incidentId, CancellationToken ct)
    {
        var incident = await db.Set<IncidentRecord>().FirstAsync(i => i.Id == incidentId, ct);
        if (incident.Status != IncidentStatus.Open) throw new IncidentClosedException(incidentId);
        return incident;
    }

    private void Close(IncidentRecord incident, string actor, string resolution)
    {
        incident.Status = IncidentStatus.Resolved;
        incident.ResolvedAt = Now;
        incident.ResolvedBy = actor;
        incident.Resolution = resolution;
    }

    private static Incident ToIncident(IncidentRecord i) =>
        new(i.Id, i.InstanceId, i.ElementId, i.Message, i.Attempts, i.Status.ToString().ToLowerInvariant(), i.CreatedAt, i.ResolvedAt, i.ResolvedBy, i.Resolution);
}
