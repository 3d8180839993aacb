using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ApprovalFlow.Engine.Persistence;

/// <summary>
/// Writes the common transition (engine rows inserted or updated, nothing deleted, no host rows pending) with plain
/// parameterised statements instead of EF's update pipeline (command batching, topological sort, SQL generation per
/// call): each statement is built once per entity type and set of changed columns and cached per model as an EF
/// relational command (so interceptors and diagnostics see it, and values are converted by the same type mappings), in
/// one transaction (the host's, when it has one open). The instance row's revision guard is kept: it is written first, and a write that
/// finds no row throws <see cref="DbUpdateConcurrencyException"/> as SaveChanges does.
/// Any other shape (deletes, host entities with changes, owned types) is left to SaveChanges.
/// </summary>
internal static class TransitionWriter
{
    private static readonly ConcurrentDictionary<(IModel Model, string Signature), IRelationalCommand> Commands = new();

    private sealed record Write(EntityEntry Entry, IEntityType Type, bool Insert, List<IProperty> Columns, List<IProperty> Guards, bool GeneratedKey);

    /// <summary>
    /// Saves the tracked changes if they have the common shape; false (nothing done) otherwise. With
    /// <paramref name="accept"/> the written rows are then tracked as unchanged, as after SaveChanges; rows whose key
    /// the database generated (history) are no longer tracked, since their key is not read back.
    /// </summary>
    public static async Task<bool> TrySaveAsync(DbContext db, bool accept, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var writes = new List<Write>();
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries())
            {
                switch (entry.State)
                {
                    case EntityState.Unchanged:
                        continue;
                    case EntityState.Added or EntityState.Modified:
                        break;
                    default:
                        return false;
                }
                var type = entry.Metadata;
                if (type.ClrType.Namespace != typeof(TransitionWriter).Namespace || type.IsOwned() || type.GetTableName() is null
                    || type.BaseType is not null || type.GetDerivedTypes().Any())
                    return false;
                var insert = entry.State == EntityState.Added;
                var columns = new List<IProperty>();
                var guards = new List<IProperty>();
                var generatedKey = false;
                foreach (var property in type.GetProperties())
                {
                    var value = entry.Property(property.Name);
                    if (insert)
                    {
                        // A key the database generates (the history's identity) is left out, as SaveChanges does.
                        if (property.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && (value.IsTemporary || IsDefault(value.CurrentValue)))
                        {
                            if (!property.IsPrimaryKey()) return false;
                            generatedKey = true;
                            continue;
                        }
                        columns.Add(property);
                    }
                    else
                    {
                        if (property.IsPrimaryKey()) continue;
                        if (value.IsModified) columns.Add(property);
                        if (property.IsConcurrencyToken)
                        {
                            if (value.OriginalValue is null) return false; // "= NULL" would never match; SaveChanges handles it
                            guards.Add(property);
                        }
                    }
                }
                if (!insert && columns.Count == 0) continue;
                writes.Add(new Write(entry, type, insert, columns, guards, generatedKey));
            }
            if (writes.Count == 0) return true;
            // The revision-guarded instance rows first, each alone: a lost race then writes nothing else. The other
            // updates and the inserts follow in one command (rows of one table and shape as one multi-row INSERT).
            var guarded = new List<Segment>();
            var rest = new List<Segment>();
            foreach (var write in writes.OrderBy(Rank))
            {
                if (Rank(write) == 0) guarded.Add(new Segment(write));
                else if (write.Insert && rest.FirstOrDefault(x => x.Accepts(write)) is { } same) same.Rows.Add(write);
                else rest.Add(new Segment(write));
            }
            var commands = guarded.Select(g => new List<Segment> { g }).ToList();
            foreach (var segment in rest)
            {
                if (commands.Count == guarded.Count || commands[^1].Sum(x => x.Parameters) + segment.Parameters > MaxParameters)
                    commands.Add([]);
                commands[^1].Add(segment);
            }

            var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            try
            {
                var connection = db.GetService<IRelationalConnection>();
                var logger = db.GetService<IRelationalCommandDiagnosticsLogger>();
                foreach (var segments in commands)
                {
                    var signature = string.Concat(segments.Select(x => x.Signature));
                    var command = Commands.TryGetValue((db.Model, signature), out var cached) ? cached : BuildCommand(segments, db);
                    if (cached is null && Commands.Count < MaxCachedCommands) Commands.TryAdd((db.Model, signature), command);
                    var values = new Dictionary<string, object?>();
                    var expected = 0;
                    foreach (var segment in segments)
                    {
                        foreach (var write in segment.Rows)
                        {
                            foreach (var column in segment.Columns)
                                values.Add("p" + values.Count, write.Entry.Property(column.Name).CurrentValue);
                            if (segment.Insert) continue;
                            foreach (var key in segment.Type.FindPrimaryKey()!.Properties)
                                values.Add("p" + values.Count, write.Entry.Property(key.Name).CurrentValue);
                            foreach (var guard in segment.Guards)
                                values.Add("p" + values.Count, write.Entry.Property(guard.Name).OriginalValue);
                        }
                        expected += segment.Rows.Count;
                    }
                    var rows = await command.ExecuteNonQueryAsync(
                        new RelationalCommandParameterObject(connection, values, null, db, logger, CommandSource.SaveChanges), ct);
                    if (rows != expected)
                        throw new DbUpdateConcurrencyException(
                            $"{expected} row(s) of {string.Join(", ", segments.Select(x => x.Type.ClrType.Name).Distinct())} were to be written but {rows} were affected; a row was changed or deleted since it was read.");
                }
                if (owned is not null) await owned.CommitAsync(ct);
            }
            finally
            {
                if (owned is not null) await owned.DisposeAsync();
            }
            if (accept)
                foreach (var write in writes)
                    write.Entry.State = write.GeneratedKey ? EntityState.Detached : EntityState.Unchanged;
            return true;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static int Rank(Write w) => w.Type.ClrType == typeof(ProcessInstanceRecord) && !w.Insert ? 0 : w.Insert ? 2 : 1;

    private static bool IsDefault(object? value) => value switch
    {
        null => true,
        long l => l == 0,
        int i => i == 0,
        Guid g => g == Guid.Empty,
        _ => false,
    };

    private const int MaxParameters = 1000; // below SQL Server's 2,100 per command
    private const int MaxCachedCommands = 2000; // shapes beyond this (e.g. many multi-instance rows) are built each time

    /// <summary>Statements of one command, as an EF relational command with typed parameters p0, p1, ... (values converted as EF does).</summary>
    private static IRelationalCommand BuildCommand(List<Segment> segments, DbContext db)
    {
        var helper = db.GetService<ISqlGenerationHelper>();
        var builder = db.GetService<IRelationalCommandBuilderFactory>().Create();
        var n = 0;
        foreach (var segment in segments)
        {
            var first = n;
            foreach (var _ in segment.Rows)
            {
                foreach (var column in segment.Columns) Add(column);
                if (segment.Insert) continue;
                foreach (var key in segment.Type.FindPrimaryKey()!.Properties) Add(key);
                foreach (var guard in segment.Guards) Add(guard);
            }
            builder.AppendLine(BuildSql(segment, helper, first) + ";");
        }
        return builder.Build();

        void Add(IProperty p) => builder.AddParameter("p" + n, helper.GenerateParameterName("p" + n++), (RelationalTypeMapping)p.GetRelationalTypeMapping(), p.IsNullable);
    }

    private static string BuildSql(Segment segment, ISqlGenerationHelper helper, int first)
    {
        var type = segment.Type;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        string Column(IProperty p) => helper.DelimitIdentifier(p.GetColumnName(table)!);
        var n = first;
        string Next() => helper.GenerateParameterNamePlaceholder("p" + n++);
        var sql = new StringBuilder();
        if (segment.Insert)
        {
            sql.Append("INSERT INTO ").Append(helper.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
                .AppendJoin(", ", segment.Columns.Select(Column)).Append(") VALUES ");
            for (var row = 0; row < segment.Rows.Count; row++)
            {
                if (row > 0) sql.Append(", ");
                sql.Append('(').AppendJoin(", ", segment.Columns.Select(_ => Next())).Append(')');
            }
            return sql.ToString();
        }
        sql.Append("UPDATE ").Append(helper.DelimitIdentifier(table.Name, table.Schema)).Append(" SET ")
            .AppendJoin(", ", segment.Columns.Select(c => Column(c) + " = " + Next()))
            .Append(" WHERE ")
            .AppendJoin(" AND ", type.FindPrimaryKey()!.Properties.Select(k => Column(k) + " = " + Next()));
        foreach (var guard in segment.Guards)
            sql.Append(" AND ").Append(Column(guard)).Append(" = ").Append(Next());
        return sql.ToString();
    }

    /// <summary>One statement: an update of one row, or an insert of one or more rows of one table with the same columns.</summary>
    private sealed class Segment(Write first)
    {
        public IEntityType Type { get; } = first.Type;
        public bool Insert { get; } = first.Insert;
        public List<IProperty> Columns { get; } = first.Columns;
        public List<IProperty> Guards { get; } = first.Guards;
        public List<Write> Rows { get; } = [first];

        public bool Accepts(Write write) =>
            Insert && write.Insert && write.Type == Type && Rows.Count < 100 && write.Columns.SequenceEqual(Columns);

        public int Parameters => Insert
            ? Columns.Count * Rows.Count
            : Columns.Count + Type.FindPrimaryKey()!.Properties.Count + Guards.Count;

        public string Signature =>
            (Insert ? "I:" : "U:") + Type.Name + ":" + string.Join(",", Columns.Select(c => c.Name)) + (Insert ? ":" + Rows.Count : "") + ";";
    }
}
