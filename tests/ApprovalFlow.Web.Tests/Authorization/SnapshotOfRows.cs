namespace ApprovalFlow.Web.Tests.Authorization;

/// <summary>
/// Row counts of every table but the audit log, the last audit sequence, and the cases as the API and the engine
/// show them to an administrator.
/// </summary>
public sealed record SnapshotOfRows(IReadOnlyDictionary<string, long> Counts, long LastAuditSequence, IReadOnlyList<string> CaseJson);
