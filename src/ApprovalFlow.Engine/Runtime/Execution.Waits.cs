using ApprovalFlow.Engine.Model;
using ApprovalFlow.Engine.Persistence;

namespace ApprovalFlow.Engine.Runtime;

internal sealed partial class Execution
{
    private void CreateTask(Token token, FlowNode node)
    {
        var variables = ScopeVariables(token);
        var groups = node.Assignment.ResolveCandidateGroups(variables);
        var users = node.Assignment.ResolveCandidateUsers(variables);
        DateTime? dueAt = null;
        if (node.Extensions.TryGetValue("timeLimitDays", out var days) && int.TryParse(days, out var n) && n > 0)
            dueAt = services.Calendar.AddWorkingDays(now, n);
        var task = new HumanTaskRecord
        {
            Id = Guid.NewGuid(),
            InstanceId = instance.Id,
            TokenId = token.Id,
            ElementId = node.Id,
            Name = RenderName(node, variables),
            CandidateGroups = groups.Count == 0 ? null : "," + string.Join(",", groups) + ",",
            CandidateUsers = users.Count == 0 ? null : "," + string.Join(",", users) + ",",
            Assignee = node.Assignment.ResolveAssignee(variables),
            Status = HumanTaskStatus.Open,
            CreatedAt = now,
            DueAt = dueAt,
        };
        db.Add(task);
        openTasks.Add(task);
    }

    /// <summary>A task's name, its <c>${...}</c> parts evaluated over the token's variables (multi-instance counters included).</summary>
    private static string? RenderName(FlowNode node, System.Text.Json.Nodes.JsonObject variables)
    {
        if (node.NameTemplate is null) return node.Name;
        try
        {
            return node.NameTemplate.Render(variables);
        }
        catch (Expressions.ExpressionEvaluationException ex)
        {
            throw new ExecutionException(node.Id, $"The task name '{node.Name}' cannot be evaluated: {ex.Message}");
        }
    }

    private void AttachBoundaryEvents(Token token, FlowNode activity)
    {
        foreach (var boundary in activity.BoundaryEvents)
        {
            if (boundary.Trigger == EventTrigger.Timer) CreateTimer(token, boundary);
            else if (boundary.Trigger is EventTrigger.Message or EventTrigger.Signal) CreateSubscription(token, boundary);
        }
    }

    /// <param name="after">For the next repetition of a cycle: the timer that just fired (its due time and repetition).</param>
    private void CreateTimer(Token token, FlowNode node, TimerRecord? after = null)
    {
        DateTime dueAt;
        int? workingDays = null;
        var repetition = 1;
        try
        {
            var variables = ScopeVariables(token);
            if (after is not null)
            {
                // One interval after the previous one was due; if the firing came so late that this is past, one interval after now.
                var interval = node.Timer!.CycleFor(variables).Interval;
                dueAt = interval.AddTo(after.DueAt);
                if (dueAt < now) dueAt = interval.AddTo(now);
                repetition = Math.Max(1, after.Attempt) + 1;
            }
            else dueAt = node.Timer!.DueAt(now, variables, services.Calendar);
            if (node.Timer.Kind == TimerKind.WorkingDays) workingDays = node.Timer.WorkingDaysFor(variables);
        }
        catch (Exception ex) when (ex is FormatException or Expressions.ExpressionEvaluationException)
        {
            throw new ExecutionException(node.Id, $"The timer cannot be set: {ex.Message}");
        }
        var timer = new TimerRecord
        {
            Id = Guid.NewGuid(),
            InstanceId = instance.Id,
            TokenId = token.Id,
            ElementId = node.Id,
            DueAt = dueAt,
            CreatedAt = now,
            WorkingDays = workingDays,
            Status = TimerStatus.Pending,
            Attempt = node.Timer.Kind == TimerKind.Cycle ? repetition : 0,
        };
        db.Add(timer);
        pendingTimers.Add(timer);
        NewTimers.Add(timer);
    }

    private void CreateSubscription(Token token, FlowNode node)
    {
        var subscription = new MessageSubscriptionRecord
        {
            Id = Guid.NewGuid(),
            InstanceId = instance.Id,
            TokenId = token.Id,
            ElementId = node.Id,
            MessageName = node.SubscriptionName!,
            BusinessKey = instance.BusinessKey,
            CreatedAt = now,
        };
        db.Add(subscription);
        subscriptions.Add(subscription);
        NewSubscriptionIds.Add(subscription.Id);
    }

    /// <summary>Withdraws everything a token waits on: its task, its timers, its message subscriptions.</summary>
    private void ReleaseWaits(Token token)
    {
        foreach (var task in openTasks.Where(t => t.TokenId == token.Id).ToList())
        {
            task.Status = HumanTaskStatus.Cancelled;
            task.EndedAt = now;
            openTasks.Remove(task);
            History(model.Node(task.ElementId), token, "task-cancelled", actor, null);
        }
        foreach (var timer in pendingTimers.Where(t => t.TokenId == token.Id).ToList())
        {
            timer.Status = TimerStatus.Cancelled;
            pendingTimers.Remove(timer);
        }
        foreach (var subscription in subscriptions.Where(s => s.TokenId == token.Id).ToList())
        {
            db.Remove(subscription);
            subscriptions.Remove(subscription);
        }
    }

    /// <summary>Removes a token, and for a sub-process every token inside it, withdrawing what they wait on.</summary>
    private void RemoveToken(Token token, string? why)
    {
        foreach (var child in state.Tokens.Where(t => t.ScopeId == token.Id).ToList())
            RemoveToken(child, why);
        if (token.CalledInstanceId is { } called) CalledInstancesToCancel.Add(called);
        ReleaseWaits(token);
        state.Tokens.Remove(token);
        if (why is not null) History(model.Node(token.ElementId), token, why, actor, null);
    }

    /// <summary>When the last token of a sub-process ends, the sub-process completes and its token leaves it.</summary>
    private void CompleteScopeIfEmpty(Guid? scopeId)
    {
        if (scopeId is null || state.Tokens.Any(t => t.ScopeId == scopeId && !t.IsListener)) return;
        var scopeToken = state.Tokens.FirstOrDefault(t => t.Id == scopeId);
        if (scopeToken is null) return;
        foreach (var listener in state.Tokens.Where(t => t.ScopeId == scopeId).ToList()) RemoveToken(listener, null);
        var subProcess = model.Node(scopeToken.ElementId);
        ReleaseWaits(scopeToken);
        History(subProcess, scopeToken, "completed", null, null);
        Leave(scopeToken, subProcess);
    }

    /// <summary>A terminate end event ends its scope: the whole instance at top level, else just the sub-process.</summary>
    private void Terminate(Token token)
    {
        if (token.ScopeId is null)
        {
            foreach (var t in state.Tokens.Where(t => t.ScopeId is null).ToList())
                RemoveToken(t, t == token ? null : "terminated");
            instance.Status = InstanceStatus.Terminated;
            instance.EndedAt = now;
            instance.EndReason = $"terminate end event '{token.ElementId}'";
            History(null, null, "instance-terminated", actor, instance.EndReason);
            return;
        }
        foreach (var t in state.Tokens.Where(t => t.ScopeId == token.ScopeId).ToList())
            RemoveToken(t, t == token ? null : "terminated");
        CompleteScopeIfEmpty(token.ScopeId);
    }

    public void RecordTaskEvent(HumanTaskRecord task, string what, string? detail = null) =>
        History(model.Node(task.ElementId), null, what, actor, detail ?? task.Assignee);

    private static readonly HashSet<string> Opening = ["started", "waiting", "migrated-into"];
    private static readonly HashSet<string> Closing = ["completed", "timer-fired", "message-received", "signal-received", "interrupted", "cancelled", "terminated", "sent-back", "withdrawn", "migrated-out"];
    private static readonly HashSet<string> Instant = ["passed", "reached", "joined", "forked"];

    /// <summary>Keeps the element-instance rows in step with the event log.</summary>
    private void TrackElement(FlowNode node, Token token, string what, string? who)
    {
        if (Opening.Contains(what))
        {
            var row = new ElementInstanceRecord { Id = Guid.NewGuid(), InstanceId = instance.Id, TokenId = token.Id, ElementId = node.Id, ElementType = node.ElementType, StartedAt = now };
            db.Add(row);
            openElements.Add(row);
            // One open row per token can ride on the token; a second one means the rows must be read again.
            if (token.OpenRowId is not null) state.RowsOnTokens = false;
            token.OpenRowId = row.Id;
            token.OpenRowElementId = node.Id;
            return;
        }
        if (!Closing.Contains(what) && !Instant.Contains(what)) return;
        var open = FindOpenRow(token, node);
        if (open is null)
        {
            db.Add(new ElementInstanceRecord { Id = Guid.NewGuid(), InstanceId = instance.Id, TokenId = token.Id, ElementId = node.Id, ElementType = node.ElementType, StartedAt = now, EndedAt = now, Outcome = what, Actor = who });
            return;
        }
        open.EndedAt = now;
        open.Outcome = what;
        open.Actor = who;
        openElements.Remove(open);
        if (token.OpenRowId == open.Id)
        {
            token.OpenRowId = null;
            token.OpenRowElementId = null;
        }
    }

    /// <summary>
    /// The token's open row for an element: one created or read in this transition, else (when the rows ride on the
    /// tokens and were not read) the row the token names, attached unread so that only its closing columns are updated.
    /// </summary>
    private ElementInstanceRecord? FindOpenRow(Token token, FlowNode node)
    {
        var elementId = node.Id;
        foreach (var e in openElements)
            if (e.TokenId == token.Id && e.ElementId == elementId)
                return e;
        if (!state.RowsOnTokens || token.OpenRowId is not { } rowId || token.OpenRowElementId != elementId) return null;
        // The same context may still track the row (written earlier in this scope, e.g. the start that opened it).
        // (Without DbSet.Local's DetectChanges over every tracked row: only the identity map is asked.)
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            if (db.Set<ElementInstanceRecord>().Local.FindEntry(rowId) is { } tracked) return tracked.Entity;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
        var row = new ElementInstanceRecord { Id = rowId, InstanceId = instance.Id, TokenId = token.Id, ElementId = elementId, ElementType = node.ElementType };
        db.Attach(row);
        return row;
    }

    private void History(FlowNode? node, Token? token, string what, string? who, string? detail)
    {
        if (node is not null && token is not null) TrackElement(node, token, what, who);
        if (node is not null) Events.Add(new ElementEvent(node.Id, node.ElementType, what, node.Extensions));
        else InstanceEvents.Add(what);
        AppendHistory(node, token, what, who, detail);
    }

    private void AppendHistory(FlowNode? node, Token? token, string what, string? who, string? detail) =>
        db.Add(new HistoryRecord
        {
            InstanceId = instance.Id,
            ElementId = node?.Id,
            ElementType = node?.ElementType,
            Event = what,
            TokenId = token?.Id,
            Actor = who,
            Detail = detail,
            At = now,
        });
}
