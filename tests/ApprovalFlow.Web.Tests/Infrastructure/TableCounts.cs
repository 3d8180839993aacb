using System.Data.Common;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Infrastructure;

/// <summary>The row count of every table of the app's model but the audit log (which may record refusals), by quoted name.</summary>
public static class TableCounts
{
    public static async Task<Dictionary<string, long>> OfAsync(WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var auditTable = db.Model.FindEntityType(typeof(AuditEntry))!.GetTableName();
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is { } name && name != auditTable && e.GetViewName() is null)
            .Select(e => (Schema: e.GetSchema(), Table: e.GetTableName()!))
            .Distinct()
            .OrderBy(t => t.Table)
            .ToList();

        var counts = new Dictionary<string, long>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var (schema, table) in tables)
            {
                await using DbCommand command = connection.CreateCommand();
                var quoted = schema is null ? $"\"{table}\"" : $"\"{schema}\".\"{table}\"";
                command.CommandText = "SELECT COUNT(*) FROM " + quoted;
                counts[quoted] = Convert.ToInt64(await command.ExecuteScalarAsync());
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return counts;
    }
}
