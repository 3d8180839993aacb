using ApprovalFlow.Web.Data;
using Mediator;

namespace ApprovalFlow.Web.Common;

/// <summary>
/// Runs every command in one database transaction: the engine transition it causes (which saves itself)
/// and the domain rows it writes commit together or not at all. A handler calls the engine first, then
/// changes domain rows and saves; see docs/adr/0004-commands-in-one-transaction.md.
/// </summary>
public sealed class CommandTransactionBehavior<TMessage, TResponse>(AppDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ICommand<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null) return await next(message, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
