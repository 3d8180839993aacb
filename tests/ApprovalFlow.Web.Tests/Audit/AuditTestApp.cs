using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Audit;

/// <summary>An app on a database of its own for one test (tampering breaks the chain for good), and the database-side tools.</summary>
public sealed class AuditTestApp(WebAppFactory factory, Func<Task> dispose) : IAsyncDisposable
{
    public WebAppFactory Factory { get; } = factory;

    public IServiceProvider Services => Factory.Services;

    public async Task<IReadOnlyList<AuditEntry>> EntriesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    public async Task<long> LastSequenceAsync() => (await EntriesAsync()).LastOrDefault()?.Sequence ?? 0;

    public async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
    }

    /// <summary>Runs SQL straight on the database, as someone with access to it would.</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        DbConnection connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task PingAsync(HttpClient client, string note)
    {
        var response = await client.PostAsJsonAsync("/api/audit/ping", new { note });
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    public ValueTask DisposeAsync() => new(dispose());
}
