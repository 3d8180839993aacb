using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>
/// Tells the open pages of this server that users got new messages, once the messages are committed: the app-bar badge
/// and the inbox recount at once instead of at their next poll (InboxBadge polls too, for messages another server wrote).
/// </summary>
public sealed class InboxSignals
{
    public event Action<IReadOnlySet<string>>? Arrived;

    public void Publish(IReadOnlySet<string> userIds)
    {
        if (userIds.Count > 0) Arrived?.Invoke(userIds);
    }
}

/// <summary>
/// Notes the recipients of the notifications a context is saving, and publishes them to <see cref="InboxSignals"/> when
/// they are committed: at once without a transaction, at the commit with one, never after a rollback. Keyed by context,
/// so a pooled context's leftovers are dropped at the next transaction's end.
/// </summary>
public sealed class InboxSignalInterceptor(InboxSignals signals) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Flush(eventData.Context, publish: true);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Flush(eventData.Context, publish: false);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context, publish: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, publish: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context, publish: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, publish: false);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        var added = context.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.UserId).ToList();
        if (added.Count == 0) return;
        var pending = _pending.GetOrCreateValue(context);
        lock (pending) pending.UnionWith(added);
    }

    private void Flush(DbContext? context, bool publish)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending)) return;
        HashSet<string> users;
        lock (pending)
        {
            users = [.. pending];
            pending.Clear();
        }
        if (publish) signals.Publish(users);
    }
}
