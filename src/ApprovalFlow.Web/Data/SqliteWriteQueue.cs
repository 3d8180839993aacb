using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ApprovalFlow.Web.Data;

/// <summary>
/// SQLite admits one writer at a time. Without this, every write transaction of the process begins at once and the
/// losers wait in SQLite's busy handler, which sleeps in growing steps (up to 100 ms) and wakes in no particular order:
/// under a burst of requests some wait far longer than others. With it, write transactions queue here, in arrival order,
/// and each begins when the previous one has ended — the same single writer, without the sleeping. A wait longer than
/// <paramref name="longestWait"/> (a transaction left open by mistake) goes ahead unqueued and falls back to the busy
/// handler, so the queue can delay but never block a writer for good. One queue per application (per data file).
/// </summary>
public sealed class SqliteWriteQueue(TimeSpan longestWait) : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly ConcurrentDictionary<DbConnection, byte> holders = new();

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        if (turn.Wait(longestWait)) holders[connection] = 0;
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (await turn.WaitAsync(longestWait, cancellationToken)) holders[connection] = 0;
        return result;
    }

    public void TransactionCommitted(DbConnection connection, TransactionEndEventData eventData) => Release(connection);

    public Task TransactionCommittedAsync(DbConnection connection, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbConnection connection, TransactionEndEventData eventData) => Release(connection);

    public Task TransactionRolledBackAsync(DbConnection connection, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbConnection connection, TransactionErrorEventData eventData) => Release(connection);

    public Task TransactionFailedAsync(DbConnection connection, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    /// <summary>A transaction that ended in a way the events above did not report (disposed unfinished) ends with its connection.</summary>
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    private void Release(DbConnection connection)
    {
        if (holders.TryRemove(connection, out _)) turn.Release();
    }
}
