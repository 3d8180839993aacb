using ApprovalFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Audit;

/// <summary>
/// Walks the chain in sequence order and recomputes every hash: the check that makes the log's figures
/// traceable. Reads in pages, so a long log does not have to fit in memory.
/// </summary>
public sealed class AuditChainVerifier(AppDbContext db)
{
    private const int PageSize = 1000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        long count = 0;
        long expected = 1;
        var previousHash = AuditHash.Genesis;
        long? after = null;
        while (true)
        {
            var entries = db.Set<AuditEntry>().AsNoTracking();
            if (after is { } last)
            {
                entries = entries.Where(e => e.Sequence > last);
            }
            var page = await entries.OrderBy(e => e.Sequence).Take(PageSize).ToListAsync(ct);
            foreach (var entry in page)
            {
                if (Check(entry, expected, previousHash) is { } broken)
                {
                    return new AuditVerification(false, count, null, null, broken);
                }
                count++;
                after = entry.Sequence;
                expected = entry.Sequence + 1;
                previousHash = entry.Hash;
            }
            if (page.Count < PageSize)
            {
                return count == 0
                    ? new AuditVerification(true, 0, null, null, null)
                    : new AuditVerification(true, count, expected - 1, previousHash, null);
            }
        }
    }

    private static AuditBrokenLink? Check(AuditEntry entry, long expected, string previousHash)
    {
        if (entry.Sequence > expected)
        {
            return new AuditBrokenLink(expected, AuditChainProblem.Gap,
                $"Entry {expected} is missing; the next entry is {entry.Sequence}.");
        }
        if (entry.Sequence < expected)
        {
            return new AuditBrokenLink(entry.Sequence, AuditChainProblem.UnexpectedSequence,
                $"Entry {entry.Sequence} stands where entry {expected} should.");
        }
        if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return new AuditBrokenLink(entry.Sequence, AuditChainProblem.PreviousHashMismatch,
                $"It names {entry.PreviousHash} as the previous hash, but the entry before it hashes to {previousHash}.");
        }
        var recomputed = AuditHash.Compute(entry);
        if (!string.Equals(entry.Hash, recomputed, StringComparison.Ordinal))
        {
            return new AuditBrokenLink(entry.Sequence, AuditChainProblem.HashMismatch,
                $"Its fields hash to {recomputed}, not to the stored {entry.Hash}: it was changed after it was written.");
        }
        return null;
    }
}
