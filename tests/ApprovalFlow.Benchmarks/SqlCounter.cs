using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ApprovalFlow.Benchmarks;

/// <summary>
/// Counts what EF sends to the database: commands (round trips), statements inside them (EF batches
/// SaveChanges, so one command can hold several), transactions, and time spent executing commands.
/// </summary>
public sealed class SqlCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    private long commands;
    private long statements;
    private long transactions;
    private long dbTicks;

    public readonly record struct Totals(long Commands, long Statements, long Transactions, TimeSpan DbTime)
    {
        public static Totals operator -(Totals a, Totals b) =>
            new(a.Commands - b.Commands, a.Statements - b.Statements, a.Transactions - b.Transactions, a.DbTime - b.DbTime);
    }

    public Totals Snapshot() =>
        new(Interlocked.Read(ref commands), Interlocked.Read(ref statements), Interlocked.Read(ref transactions),
            TimeSpan.FromTicks(Interlocked.Read(ref dbTicks)));

    private void Count(DbCommand command, TimeSpan duration)
    {
        Interlocked.Increment(ref commands);
        Interlocked.Add(ref statements, StatementsIn(command.CommandText));
        Interlocked.Add(ref dbTicks, duration.Ticks);
    }

    /// <summary>EF ends each statement of a batch with ';' at the end of a line.</summary>
    internal static int StatementsIn(string sql)
    {
        var count = 0;
        foreach (var line in sql.AsSpan().EnumerateLines())
            if (line.TrimEnd().EndsWith(";")) count++;
        return Math.Max(1, count + (sql.TrimEnd().EndsWith(';') ? 0 : 1));
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Count(command, eventData.Duration);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Count(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Count(command, eventData.Duration);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Count(command, eventData.Duration);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Count(command, eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Interlocked.Increment(ref transactions);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref transactions);
        return ValueTask.FromResult(result);
    }
}
