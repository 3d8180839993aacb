using ApprovalFlow.Web.Data;
using Mediator;

namespace ApprovalFlow.Web.Features.Audit;

/// <summary>
/// Records every command in the audit log. Runs inside <c>CommandTransactionBehavior</c>: a command that
/// succeeds commits its entry with its work; a refused or failed one rolls its work back, and its entry is then
/// written in a short transaction of its own, because the attempt is evidence too (docs/adr/0005-audit-hash-chain.md).
/// </summary>
public sealed class AuditBehavior<TMessage, TResponse>(
    AppDbContext db,
    IAuditLog log,
    AuditActorSource actors,
    CommandNesting nesting,
    IServiceScopeFactory scopes,
    ILogger<AuditBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ICommand<TResponse>
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var actor = actors.Current();
        nesting.Enter();
        var outermost = nesting.IsOutermost;
        try
        {
            TResponse response;
            try
            {
                response = await next(message, cancellationToken);
                // The handler's own rows first, so that their failure counts as the command's.
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (Exception exception) when (outermost)
            {
                await RecordUnsuccessfulAsync(message, actor, exception);
                throw;
            }
            // A refusal the handler returns (rather than throws) wrote nothing, so it is chained in the same transaction.
            var refusal = AuditOutcomes.RefusalIn(response);
            await log.AppendAsync(
                AuditRecord.Of(message, actor, refusal is null ? AuditOutcome.Succeeded : AuditOutcome.Refused, refusal),
                cancellationToken);
            return response;
        }
        finally
        {
            nesting.Leave();
        }
    }

    /// <summary>
    /// A nested command's failure reaches the outer command, whose entry records it; writing it here would either
    /// save the failed handler's half-made rows or, on PostgreSQL, run into the aborted transaction.
    /// </summary>
    private async Task RecordUnsuccessfulAsync(TMessage message, AuditActor actor, Exception exception)
    {
        var (outcome, text) = AuditOutcomes.Classify(exception);
        await AuditApart.WriteAsync(db, scopes, AuditRecord.Of(message, actor, outcome, text), logger);
    }
}
