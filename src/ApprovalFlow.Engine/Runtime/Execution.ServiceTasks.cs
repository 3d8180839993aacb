using System.Text.Json.Nodes;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Persistence;

namespace ApprovalFlow.Engine.Runtime;

internal sealed partial class Execution
{
    public List<IncidentRecord> NewIncidents { get; } = [];

    /// <summary>
    /// Runs a service task's handler on a copy of the variables. Success: the copy is kept and the token moves
    /// on. Failure: the transition still commits, the token waits at the task, and a retry timer is stored; when
    /// the retries are used up the case gets an incident. So a failing system never loses an officer's decision.
    /// </summary>
    public async Task<bool> RunServiceTaskAsync(Token token, FlowNode node, int attempt, CancellationToken ct)
    {
        if (node.HandlerName is null)
        {
            // A send task or message throw without a handler: it only sends along its message flows.
            SendMessages(node);
            History(node, token, "completed", null, null);
            Leave(token, node);
            return true;
        }
        var handler = services.ResolveHandler(node.HandlerName!)
            ?? throw new ExecutionException(node.Id, $"No service task handler named '{node.HandlerName}' is registered.");
        var working = (JsonObject)Variables.DeepClone();
        try
        {
            await handler.ExecuteAsync(new ServiceTaskContext(instance.Id, instance.BusinessKey, node.Id, working, node.Extensions), ct);
        }
        catch (BpmnErrorException error)
        {
            ThrowError(token, error.ErrorCode, node.Id);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            History(node, token, "service-task-failed", null, $"attempt {attempt}: {Trim(ex.Message, 1500)}");
            var delays = services.Options.ServiceTaskRetryDelays;
            if (attempt <= delays.Length)
            {
                var retry = new TimerRecord
                {
                    Id = Guid.NewGuid(),
                    InstanceId = instance.Id,
                    TokenId = token.Id,
                    ElementId = node.Id,
                    DueAt = now + delays[attempt - 1],
                    Status = TimerStatus.Pending,
                    Purpose = TimerPurpose.ServiceTaskRetry,
                    Attempt = attempt + 1,
                };
                db.Add(retry);
                pendingTimers.Add(retry);
                NewTimers.Add(retry);
            }
            else
            {
                var incident = new IncidentRecord
                {
                    Id = Guid.NewGuid(),
                    InstanceId = instance.Id,
                    TokenId = token.Id,
                    ElementId = node.Id,
                    Message = Trim(ex.Message, 2000),
                    Details = Trim(ex.ToString(), 8000),
                    Attempts = attempt,
                    Status = IncidentStatus.Open,
                    CreatedAt = now,
                };
                db.Add(incident);
                NewIncidents.Add(incident);
                History(node, token, "incident-created", null, incident.Message);
            }
            return false;
        }
        Variables.Clear();
        foreach (var (name, value) in working) Variables[name] = value?.DeepClone();
        SendMessages(node);
        History(node, token, "completed", null, attempt > 1 ? $"attempt {attempt}" : null);
        Leave(token, node);
        return true;
    }

    /// <summary>Runs a waiting service task again (a retry timer fired, or an administrator retried its incident).</summary>
    public async Task<bool> RetryServiceTaskAsync(Guid tokenId, string elementId, int attempt, CancellationToken ct)
    {
        var token = state.Tokens.FirstOrDefault(t => t.Id == tokenId && t.ElementId == elementId)
            ?? throw new ExecutionException(elementId, "No token waits at this service task.");
        var ok = await RunServiceTaskAsync(token, model.Node(elementId), attempt, ct);
        await RunAsync(ct);
        return ok;
    }

    /// <summary>An administrator declares the failed work done by hand: the token moves on without the handler.</summary>
    public async Task SkipServiceTaskAsync(Guid tokenId, string elementId, string note, CancellationToken ct)
    {
        var token = state.Tokens.FirstOrDefault(t => t.Id == tokenId && t.ElementId == elementId)
            ?? throw new ExecutionException(elementId, "No token waits at this service task.");
        var node = model.Node(elementId);
        History(node, token, "completed", actor, $"resolved by hand: {note}");
        Leave(token, node);
        await RunAsync(ct);
    }

    /// <summary>Messages sent along message flows, delivered by correlation (by this case's business key) once the transition has committed.</summary>
    public List<(string Name, string? BusinessKey)> OutgoingMessages { get; } = [];

    private void SendMessages(FlowNode node)
    {
        foreach (var name in node.SendsMessages) OutgoingMessages.Add((name, instance.BusinessKey));
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..max];
}
