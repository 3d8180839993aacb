using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ApprovalFlow.Engine.Persistence;

/// <summary>
/// The engine's hot reads as EF compiled queries: they skip the query pipeline's per-call work (expression tree
/// building, parameter extraction, cache lookup). The engine runs on the host's DbContext type, and one process may
/// host several models (one per provider, e.g. the tests on SQLite and PostgreSQL), so each model gets its own
/// compiled delegates; a model is a singleton per context type and provider, so this holds a handful of entries.
/// </summary>
internal sealed class CompiledQueries
{
    private static readonly ConcurrentDictionary<IModel, CompiledQueries> ByModel = new();

    public static CompiledQueries For(DbContext db) => ByModel.GetOrAdd(db.Model, static _ => new CompiledQueries());

    /// <summary>The case of a task: the task's status, its instance and the instance's open tasks; tracked.</summary>
    public Func<DbContext, Guid, CancellationToken, Task<TaskCaseRow?>> CaseOfTask { get; } =
        EF.CompileAsyncQuery((DbContext db, Guid taskId, CancellationToken ct) => (
                from t in db.Set<HumanTaskRecord>()
                where t.Id == taskId
                join i in db.Set<ProcessInstanceRecord>() on t.InstanceId equals i.Id
                select new TaskCaseRow
                {
                    Status = t.Status,
                    Instance = i,
                    Tasks = db.Set<HumanTaskRecord>().Where(o => o.InstanceId == i.Id && o.Status == HumanTaskStatus.Open).ToList(),
                })
            .FirstOrDefault());

    /// <summary>An instance and its open tasks; tracked.</summary>
    public Func<DbContext, Guid, CancellationToken, Task<InstanceRow?>> Instance { get; } =
        EF.CompileAsyncQuery((DbContext db, Guid instanceId, CancellationToken ct) => db.Set<ProcessInstanceRecord>()
            .Where(i => i.Id == instanceId)
            .Select(i => new InstanceRow
            {
                Instance = i,
                Tasks = db.Set<HumanTaskRecord>().Where(t => t.InstanceId == i.Id && t.Status == HumanTaskStatus.Open).ToList(),
            })
            .FirstOrDefault());

    /// <summary>The open tasks of one instance, oldest first (the first 1,000), untracked.</summary>
    public Func<DbContext, Guid, IAsyncEnumerable<HumanTaskRecord>> OpenTasksOfInstance { get; } =
        EF.CompileAsyncQuery((DbContext db, Guid instanceId) => db.Set<HumanTaskRecord>().AsNoTracking()
            .Where(t => t.Status == HumanTaskStatus.Open && t.InstanceId == instanceId)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(1000));

    /// <summary>An instance, untracked.</summary>
    public Func<DbContext, Guid, CancellationToken, Task<ProcessInstanceRecord?>> InstanceUntracked { get; } =
        EF.CompileAsyncQuery((DbContext db, Guid instanceId, CancellationToken ct) => db.Set<ProcessInstanceRecord>().AsNoTracking()
            .FirstOrDefault(i => i.Id == instanceId));
}

internal sealed class TaskCaseRow
{
    public HumanTaskStatus Status { get; init; }
    public required ProcessInstanceRecord Instance { get; init; }
    public required List<HumanTaskRecord> Tasks { get; init; }
}

internal sealed class InstanceRow
{
    public required ProcessInstanceRecord Instance { get; init; }
    public required List<HumanTaskRecord> Tasks { get; init; }
}
