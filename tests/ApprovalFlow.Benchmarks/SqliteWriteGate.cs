using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ApprovalFlow.Benchmarks;

/// <summary>
/// Experiment (--sqlite-write-gate): lets one write transaction at a time begin, queueing the others in process (FIFO-ish,
/// no sleeping), instead of letting them all race for SQLite's file lock and back off in its busy handler.
/// SQLite admits one writer anyway; this only changes how the waiters wait. Not what the web app does today.
/// </summary>
internal sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentDictionary<DbConnection, byte> holders = new();

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        gate.Wait();
        holders[connection] = 0;
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        holders[connection] = 0;
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

    // A transaction that ended in any way the events above did not report still ends when its connection closes.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    private void Release(DbConnection connection)
    {
        if (holders.TryRemove(connection, out _)) gate.Release();
    }
}
