namespace ApprovalFlow.Web.Features.Audit;

/// <summary>The append-only audit log (审计日志).</summary>
public interface IAuditLog
{
    /// <summary>
    /// Chains <paramref name="record"/> onto the log inside the caller's current transaction, so the entry
    /// commits or rolls back with the work it records. Appends are serialised across connections and servers.
    /// </summary>
    Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct = default);
}
