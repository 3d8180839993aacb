using System.Text;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Notifications;
using ApprovalFlow.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ApprovalFlow.Web.Features.Chasing;

/// <summary>
/// Writes a batch's chase records, inbox notifications and e-mail outbox rows in the caller's transaction with
/// multi-row <c>INSERT</c> statements built from the EF model (each column through its own type mapping), rather than
/// one tracked entity at a time. A chase record whose rung another sweep (on this or another server) recorded first is
/// skipped by the unique index without failing the batch: <c>INSERT … ON CONFLICT DO NOTHING RETURNING</c>, where a
/// concurrent insert of the same rung waits for the other transaction and is then skipped. Records go in a fixed order
/// (by the unique key), so two overlapping batches take their row locks in the same order and cannot deadlock.
/// PostgreSQL and SQLite; elsewhere (SQL Server, not run on these machines) one record at a time under a savepoint,
/// and the notifications through the unit of work.
/// </summary>
public sealed class ChaseRowWriter(AppDbContext db)
{
    /// <summary>
    /// Parameters a statement: well below PostgreSQL's 65,535; on SQLite (in-process, so a statement costs no round
    /// trip) about a thousand, because statements of tens of thousands of parameters were many times slower there.
    /// </summary>
    private int ParametersPerStatement => db.Database.IsSqlite() ? 1_000 : 30_000;

    private const string Savepoint = "chase_record";

    private bool MultiRow => db.Database.IsNpgsql() || db.Database.IsSqlite();

    /// <summary>Inserts the records not yet recorded and returns their ids.</summary>
    public async Task<IReadOnlySet<Guid>> InsertNewRecordsAsync(IReadOnlyCollection<ChaseRecord> records, CancellationToken ct)
    {
        var ordered = records.OrderBy(r => r.SubjectKind, StringComparer.Ordinal).ThenBy(r => r.SubjectId)
            .ThenBy(r => r.Level).ThenBy(r => r.DeadlineEpoch).ToList();
        var inserted = new HashSet<Guid>();
        if (MultiRow)
        {
            var entity = db.Model.FindEntityType(typeof(ChaseRecord))!;
            var sql = db.GetService<ISqlGenerationHelper>();
            var conflict = $" ON CONFLICT ({string.Join(", ", entity.GetIndexes().Single(i => i.IsUnique).Properties.Select(p => sql.DelimitIdentifier(p.GetColumnName())))})"
                + $" DO NOTHING RETURNING {sql.DelimitIdentifier(entity.FindPrimaryKey()!.Properties.Single().GetColumnName())} AS {sql.DelimitIdentifier("Value")}";
            foreach (var (text, parameters) in Statements(entity, ordered))
            {
                // Built from the model's identifiers and parameter placeholders only: every value is a parameter.
                var statement = text + conflict;
                inserted.UnionWith(await db.Database.SqlQueryRaw<Guid>(statement, parameters).ToListAsync(ct));
            }
            return inserted;
        }
        foreach (var record in ordered)
        {
            if (await InsertUnderSavepointAsync(record, ct)) inserted.Add(record.Id);
        }
        return inserted;
    }

    /// <summary>Inserts the rows in the order given: notifications of one moment are then listed in that order.</summary>
    public async Task InsertNotificationsAsync(IReadOnlyList<Notification> inbox, IReadOnlyList<OutboxMessage> email, CancellationToken ct)
    {
        if (!MultiRow)
        {
            db.AddRange(inbox);
            db.AddRange(email);
            return;
        }
        foreach (var (text, parameters) in Statements(db.Model.FindEntityType(typeof(Notification))!, inbox)
                     .Concat(Statements(db.Model.FindEntityType(typeof(OutboxMessage))!, email)))
        {
            await db.Database.ExecuteSqlRawAsync(text, parameters, ct);
        }
    }

    /// <summary><c>INSERT INTO table (columns) VALUES (…), (…)</c> for as many rows as fit in one statement's parameters.</summary>
    private IEnumerable<(string Text, object[] Parameters)> Statements<T>(IEntityType entity, IReadOnlyList<T> rows)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties().ToList();
        var head = $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema())} "
            + $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName())))}) VALUES ";
        using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var chunk in rows.Chunk(Math.Max(1, ParametersPerStatement / columns.Count)))
        {
            var text = new StringBuilder(head);
            var parameters = new List<object>(chunk.Length * columns.Count);
            foreach (var row in chunk)
            {
                text.Append(parameters.Count == 0 ? "(" : ", (");
                foreach (var column in columns)
                {
                    var name = $"p{parameters.Count}";
                    // The column's own type mapping: on SQLite a Guid is stored as upper-case text and an enum as its number.
                    parameters.Add(column.GetRelationalTypeMapping().CreateParameter(factory, name, column.GetGetter().GetClrValue(row!), column.IsNullable));
                    text.Append(column == columns[0] ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                }
                text.Append(')');
            }
            yield return (text.ToString(), parameters.ToArray());
        }
    }

    private async Task<bool> InsertUnderSavepointAsync(ChaseRecord record, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Chase records are written inside the chase command's transaction.");
        await transaction.CreateSavepointAsync(Savepoint, ct);
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException exception) when (ProjectCodeTaken.IsUniqueViolation(exception))
        {
            await transaction.RollbackToSavepointAsync(Savepoint, ct);
            db.Entry(record).State = EntityState.Detached;
            return false;
        }
    }
}
