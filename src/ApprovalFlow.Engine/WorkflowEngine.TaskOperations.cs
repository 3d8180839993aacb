using System.Text.Json.Nodes;
using ApprovalFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Engine;

/// <summary>
/// What people do to a task besides completing it. Each operation is a transition of the task's
/// instance (so it is serialised with completions) and leaves a history row. Who may do what is the host's rule.
/// </summary>
public sealed partial class WorkflowEngine
{
    public Task<TaskSnapshot> UnclaimAsync(Guid taskId, string actor, CancellationToken ct = default) =>
        ChangeTaskAsync(taskId, actor, ct, task =>
        {
            if (task.Delegation == DelegationState.Pending) throw new TaskDelegatedException(taskId, task.Assignee ?? "?");
            task.Assignee = null;
            task.ClaimedAt = null;
            return ("unclaimed", null);
        });

    /// <summary>Hands the task to <paramref name="toUser"/>; the current assignee (or the caller) stays its owner and gets it back on resolve.</summary>
    public Task<TaskSnapshot> DelegateAsync(Guid taskId, string toUser, string actor, CancellationToken ct = default) =>
        ChangeTaskAsync(taskId, actor, ct, task =>
        {
            Require(toUser, "the user to delegate to");
            task.Owner ??= task.Assignee ?? actor;
            task.Assignee = toUser.Trim();
            task.Delegation = DelegationState.Pending;
            return ("delegated", $"to {task.Assignee}, owner {task.Owner}");
        });

    /// <summary>The delegate hands the task back to its owner, who then completes it.</summary>
    public Task<TaskSnapshot> ResolveAsync(Guid taskId, JsonObject? variables, string actor, CancellationToken ct = default) =>
        ChangeTaskAsync(taskId, actor, ct, task =>
        {
            if (task.Delegation != DelegationState.Pending)
                throw new EngineException($"Task {taskId} is not delegated; there is nothing to resolve.");
            task.Assignee = task.Owner;
            task.Delegation = DelegationState.Resolved;
            return ("resolved", $"back to {task.Owner}");
        }, variables);

    /// <summary>Gives the task to another person (an officer out of office), or to nobody.</summary>
    public Task<TaskSnapshot> SetAssigneeAsync(Guid taskId, string? assignee, string actor, CancellationToken ct = default) =>
        ChangeTaskAsync(taskId, actor, ct, task =>
        {
            var previous = task.Assignee;
            task.Assignee = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
            task.ClaimedAt = task.Assignee is null ? null : Now;
            if (task.Delegation == DelegationState.Pending) task.Delegation = DelegationState.None;
            return ("reassigned", $"from {previous ?? "nobody"} to {task.Assignee ?? "nobody"}");
        });

    public Task<TaskSnapshot> AddCandidateGroupAsync(Guid taskId, string group, string actor, CancellationToken ct = default) =>
        ChangeTaskAsync(taskId, actor, ct, task => { task.CandidateGroups = AddTo(task.CandidateGroups, Require(group, "the group")); return ("candidate-group-added", group); });

    public Task<TaskSnapshot> RemoveCandidateGroupAsync(Guid taskId, string group, string actor, CancellationToken ct = default) =>
        ChangeTaskAsync(taskId, actor, ct, task => { task.CandidateGroups = RemoveFrom(task.CandidateGroups, group); return ("candidate-group-removed", group); });

    public Task<TaskSnapshot> AddCandidateUserAsync(Guid taskId, string user, string actor, CancellationToken ct = default) =>
        ChangeTaskAsync(taskId, actor, ct, task => { task.CandidateUsers = AddTo(task.CandidateUsers, Require(user, "the user")); return ("candidate-user-added", user); });

    public Task<TaskSnapshot> RemoveCandidateUserAsync(Guid taskId, string user, string actor, CancellationToken ct = default) =>
        ChangeTaskAsync(taskId, actor, ct, task => { task.CandidateUsers = RemoveFrom(task.CandidateUsers, user); return ("candidate-user-removed", user); });

    public Task<TaskSnapshot> SetDatesAsync(Guid taskId, DateTime? dueAt, DateTime? followUpAt, string actor, CancellationToken ct = default) =>
        ChangeTaskAsync(taskId, actor, ct, task =>
        {
            if (dueAt is { } d && followUpAt is { } f && f > d) throw new EngineException("The follow-up date may not lie after the due date.");
            task.DueAt = dueAt?.ToUniversalTime();
            task.FollowUpAt = followUpAt?.ToUniversalTime();
            return ("dates-set", $"due {task.DueAt:O}, follow-up {task.FollowUpAt:O}");
        });

    public async Task<TaskComment> AddCommentAsync(Guid taskId, string text, string actor, CancellationToken ct = default)
    {
        Require(text, "the comment");
        if (text.Length > 4000) throw new EngineException("A comment may have at most 4,000 characters.");
        return await TaskTransitionAsync(taskId, actor, ct, (tx, _) =>
        {
            var task = tx.OpenTask(taskId);
            var instanceId = tx.Instance.Id;
            var comment = new TaskCommentRecord { Id = Guid.NewGuid(), TaskId = taskId, InstanceId = instanceId, Author = actor, Text = text.Trim(), At = Now };
            db.Add(comment);
            tx.Execution.RecordTaskEvent(task, "commented");
            return Task.FromResult(new TaskComment(comment.Id, taskId, comment.Author, comment.Text, comment.At));
        }, allowSuspended: true);
    }

    public async Task<TaskAttachment> AddAttachmentAsync(Guid taskId, string fileName, string contentType, byte[] content, string actor, CancellationToken ct = default)
    {
        Require(fileName, "the file name");
        if (content.Length == 0) throw new EngineException("The attachment is empty.");
        if (content.Length > services.Options.MaxAttachmentBytes)
            throw new EngineException($"The attachment has {content.Length:N0} bytes; at most {services.Options.MaxAttachmentBytes:N0} are accepted.");
        return await TaskTransitionAsync(taskId, actor, ct, (tx, _) =>
        {
            var task = tx.OpenTask(taskId);
            var instanceId = tx.Instance.Id;
            var attachment = new TaskAttachmentRecord
            {
                Id = Guid.NewGuid(), TaskId = taskId, InstanceId = instanceId,
                FileName = Path.GetFileName(fileName.Trim()), ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType,
                Size = content.Length, Content = content, UploadedBy = actor, At = Now,
            };
            db.Add(attachment);
            tx.Execution.RecordTaskEvent(task, "attachment-added");
            return Task.FromResult(ToAttachment(attachment));
        }, allowSuspended: true);
    }

    public async Task<IReadOnlyList<TaskComment>> ListCommentsAsync(Guid taskId, CancellationToken ct = default) =>
        (await db.Set<TaskCommentRecord>().AsNoTracking().Where(c => c.TaskId == taskId).OrderBy(c => c.At).ToListAsync(ct))
        .Select(c => new TaskComment(c.Id, c.TaskId, c.Author, c.Text, c.At)).ToList();

    public async Task<IReadOnlyList<TaskAttachment>> ListAttachmentsAsync(Guid taskId, CancellationToken ct = default) =>
        (await db.Set<TaskAttachmentRecord>().AsNoTracking().Where(a => a.TaskId == taskId).OrderBy(a => a.At)
            .Select(a => new TaskAttachmentRecord { Id = a.Id, TaskId = a.TaskId, InstanceId = a.InstanceId, FileName = a.FileName, ContentType = a.ContentType, Size = a.Size, Content = Array.Empty<byte>(), UploadedBy = a.UploadedBy, At = a.At })
            .ToListAsync(ct))
        .Select(ToAttachment).ToList();

    public async Task<(TaskAttachment Attachment, byte[] Content)?> GetAttachmentAsync(Guid attachmentId, CancellationToken ct = default)
    {
        var a = await db.Set<TaskAttachmentRecord>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId, ct);
        return a is null ? null : (ToAttachment(a), a.Content);
    }

    public async Task<TaskSnapshot?> GetTaskAsync(Guid taskId, CancellationToken ct = default)
    {
        var task = await db.Set<HumanTaskRecord>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        return task is null ? null : ToSnapshot(task);
    }

    private async Task<TaskSnapshot> ChangeTaskAsync(Guid taskId, string actor, CancellationToken ct,
        Func<HumanTaskRecord, (string Event, string? Detail)> change, JsonObject? variables = null)
    {
        return await TaskTransitionAsync(taskId, actor, ct, (tx, _) =>
        {
            var task = tx.OpenTask(taskId);
            var (what, detail) = change(task);
            tx.Execution.MergeVariables(variables);
            tx.Execution.RecordTaskEvent(task, what, detail);
            return Task.FromResult(ToSnapshot(task));
        });
    }

    private static string Require(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new EngineException($"Name {what}.") : value.Trim();

    private static string AddTo(string? list, string item)
    {
        var items = Items(list);
        if (!items.Contains(item)) items.Add(item);
        return "," + string.Join(",", items) + ",";
    }

    private static string? RemoveFrom(string? list, string item)
    {
        var items = Items(list);
        items.Remove(item.Trim());
        return items.Count == 0 ? null : "," + string.Join(",", items) + ",";
    }

    private static List<string> Items(string? list) => (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static TaskAttachment ToAttachment(TaskAttachmentRecord a) => new(a.Id, a.TaskId, a.FileName, a.ContentType, a.Size, a.UploadedBy, a.At);
}
