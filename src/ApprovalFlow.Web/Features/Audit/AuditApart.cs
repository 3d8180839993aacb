using ApprovalFlow.Web.Data;

namespace ApprovalFlow.Web.Features.Audit;

/// <summary>
/// Writes the entry of a refused or failed command or request in a short transaction of its own, after its work was
/// rolled back: the attempt is evidence too. Used by <see cref="AuditBehavior{TMessage,TResponse}"/>.
/// </summary>
public static class AuditApart
{
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(30);

    public static async Task WriteAsync(AppDbContext db, IServiceScopeFactory scopes, AuditRecord record, ILogger logger)
    {
        using var timeout = new CancellationTokenSource(WriteTimeout);
        try
        {
            // Roll back first: on SQLite the write lock must be free before the entry can be written on another connection.
            if (db.Database.CurrentTransaction is { } transaction)
            {
                await transaction.RollbackAsync(timeout.Token);
            }
            await using var scope = scopes.CreateAsyncScope();
            var fresh = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var own = await fresh.Database.BeginTransactionAsync(timeout.Token);
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().AppendAsync(record, timeout.Token);
            await own.CommitAsync(timeout.Token);
        }
        catch (Exception writeFailure)
        {
            // The caller must still see why it was refused or failed, not why its audit entry could not be written.
            logger.LogError(writeFailure, "The audit entry of the {Outcome} action {Action} by {Actor} could not be written",
                AuditOutcomes.Name(record.Outcome), record.Action, record.Actor);
        }
    }
}
